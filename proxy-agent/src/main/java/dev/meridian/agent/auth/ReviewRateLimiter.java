package dev.meridian.agent.auth;

/**
 * Decides whether a client may cause one more TokenReview now. Called only for tokens that miss
 * the cache, on an event loop: implementations must answer at once, without blocking.
 */
@FunctionalInterface
public interface ReviewRateLimiter {
    /** Never limits. */
    ReviewRateLimiter NONE = clientAddress -> 0;

    /**
     * Takes one review for {@code clientAddress} (an IP address as text, "" when unknown).
     *
     * @return 0 when the review may go ahead, otherwise the nanoseconds until one would be allowed
     *         (nothing is taken then)
     */
    long tryAcquire(String clientAddress);
}
