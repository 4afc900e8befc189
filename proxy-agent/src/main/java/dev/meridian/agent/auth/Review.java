package dev.meridian.agent.auth;

import dev.meridian.agent.core.UserInfo;
import java.time.Duration;
import java.util.Objects;

/** The outcome of reviewing one bearer token. */
public sealed interface Review {

    /** The authority vouches for the token's user. */
    record Authenticated(UserInfo user) implements Review {
        public Authenticated {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The authority does not accept the token; {@code reason} is for logs, never for clients. */
    record Rejected(String reason) implements Review {}

    /** The authority could not be asked (unreachable, timed out, answered garbage); not cached. */
    record Unavailable(String reason) implements Review {}

    /**
     * Not asked: the client has caused too many reviews lately, so the token stays unknown;
     * try again after {@code retryAfter}. Not cached.
     */
    record Throttled(Duration retryAfter) implements Review {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    default boolean isAuthenticated() {
        return this instanceof Authenticated;
    }
}
