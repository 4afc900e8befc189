package dev.meridian.agent.auth;

import java.util.concurrent.CompletionStage;

/**
 * Turns a bearer token into a {@link Review}. Implementations must not block the caller and
 * must complete the stage with a Review rather than exceptionally for expected outcomes
 * (rejected, authority unreachable). The token is a secret: never log or store it.
 */
@FunctionalInterface
public interface TokenReviewer {
    CompletionStage<Review> review(String token);

    /**
     * Reviews {@code token} for a request from {@code clientAddress} (an IP address as text, ""
     * when unknown). A reviewer that limits reviews per client may answer {@link Review.Throttled}
     * instead of asking the authority; by default the address is ignored.
     */
    default CompletionStage<Review> review(String token, String clientAddress) {
        return review(token);
    }
}
