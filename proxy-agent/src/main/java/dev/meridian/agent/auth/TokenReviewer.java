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
}
