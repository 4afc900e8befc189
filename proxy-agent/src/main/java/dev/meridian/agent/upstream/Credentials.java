package dev.meridian.agent.upstream;

import java.util.Optional;

/** The agent's own bearer token towards an API server. Implementations must be thread-safe and non-blocking. */
public interface Credentials {

    /** The token to send now, if any (client certificates may authenticate instead). */
    Optional<String> bearerToken();

    static Credentials none() {
        return Optional::empty;
    }

    static Credentials token(String token) {
        Optional<String> value = Optional.of(token);
        return () -> value;
    }
}
