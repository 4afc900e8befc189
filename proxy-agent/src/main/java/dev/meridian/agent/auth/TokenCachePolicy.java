package dev.meridian.agent.auth;

import java.time.Duration;

/**
 * How the token cache keeps reviews. Accepted and rejected tokens are kept apart, each with its
 * own bound, so that any number of bogus tokens can never push an accepted one out.
 *
 * @param acceptedTtl     longest time an accepted token is trusted without a new review
 * @param acceptedEntries most accepted tokens kept
 * @param rejectedTtl     how long a rejected token is refused without a new review
 * @param rejectedEntries most rejected tokens kept
 */
public record TokenCachePolicy(Duration acceptedTtl, int acceptedEntries, Duration rejectedTtl, int rejectedEntries) {
    public TokenCachePolicy {
        requirePositive("accepted token cache time", acceptedTtl);
        requirePositive("rejected token cache time", rejectedTtl);
        if (acceptedEntries < 1 || rejectedEntries < 1) {
            throw new IllegalArgumentException("token caches hold at least one entry, got " + acceptedEntries
                    + " accepted and " + rejectedEntries + " rejected");
        }
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
