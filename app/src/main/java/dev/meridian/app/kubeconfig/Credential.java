package dev.meridian.app.kubeconfig;

import java.util.Map;
import java.util.Objects;

/**
 * A bearer credential that can travel through an ingress to a Meridian endpoint, copied from
 * the management context's user.
 */
public sealed interface Credential {

    /** {@code token}: a bearer token. */
    record Token(String token) implements Credential {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /** {@code tokenFile}: an absolute path to a file holding a bearer token. */
    record TokenFile(String path) implements Credential {
        public TokenFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * {@code exec}: a credential plugin, copied as is (a relative command path is made absolute,
     * as its meaning depended on the file it was in).
     *
     * @param exec the plugin's settings as plain YAML data (maps, lists, scalars)
     */
    record Exec(Map<String, Object> exec) implements Credential {
        public Exec {
            exec = DeepCopy.map(exec);
        }
    }
}
