package dev.meridian.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** How the agent's own listener speaks TLS. */
public sealed interface ServerTls {

    /** Plain HTTP; TLS is terminated in front of the agent (the ingress). */
    record Plain() implements ServerTls {}

    /** PEM certificate chain and private key given by the operator. */
    record Provided(Path certificate, Path key) implements ServerTls {
        public Provided {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A CA and server certificate generated on first start and kept in {@code directory}, so
     * restarts reuse them. {@code subjectAlternativeNames} are DNS names or IP literals.
     */
    record SelfSigned(Path directory, List<String> subjectAlternativeNames) implements ServerTls {
        public SelfSigned {
            Objects.requireNonNull(directory, "directory");
            subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
        }
    }

    default boolean isTls() {
        return !(this instanceof Plain);
    }
}
