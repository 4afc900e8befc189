package dev.meridian.app.kubeconfig;

import dev.meridian.app.core.MeridianException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Root of every failure of the kubeconfig engine, under the app's error root. Subclasses say what
 * failed, each with its {@link MeridianException.Kind}; each carries the file it concerns (when
 * there is one) and the underlying cause. Whenever one of these is thrown, no kubeconfig file
 * has been changed by the failing call.
 */
public class KubeconfigException extends MeridianException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    protected KubeconfigException(Kind kind, String message, Path file, Throwable cause) {
        super(kind, message, cause);
        this.file = file;
    }

    /** The kubeconfig file concerned, if the failure is about one file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** A file cannot be read: it is malformed YAML, not a kubeconfig, too large, a directory... */
    public static final class Unreadable extends KubeconfigException {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message, Path file, Throwable cause) {
            super(Kind.INVALID, message, file, cause);
        }
    }

    /** A file cannot be written: read-only, directory in the way, missing folder, I/O error. */
    public static final class Unwritable extends KubeconfigException {
        private static final long serialVersionUID = 1L;

        public Unwritable(String message, Path file, Throwable cause) {
            super(Kind.UNWRITABLE, message, file, cause);
        }
    }

    /** Another writer holds kubectl's lock file ({@code <file>.lock}). */
    public static final class Locked extends KubeconfigException {
        private static final long serialVersionUID = 1L;

        public Locked(String message, Path file, Throwable cause) {
            super(Kind.CONFLICT, message, file, cause);
        }
    }

    /** A file changed between our read and our write; nothing was written. */
    public static final class Conflict extends KubeconfigException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message, Path file, Throwable cause) {
            super(Kind.CONFLICT, message, file, cause);
        }
    }

    /** A named context (or the current context) does not exist in the loaded kubeconfig. */
    public static final class ContextNotFound extends KubeconfigException {
        private static final long serialVersionUID = 1L;
        private final String contextName;

        public ContextNotFound(String message, String contextName, Throwable cause) {
            super(Kind.NOT_FOUND, message, null, cause);
            this.contextName = contextName;
        }

        /** The missing context's name; empty when no current context is set. */
        public String contextName() {
            return contextName;
        }
    }

    /**
     * The management context's user has no credential that can be carried to a Meridian context:
     * a client certificate (mutual TLS) ends at the ingress in front of an endpoint, so it
     * cannot authenticate requests routed through it.
     */
    public static final class UnsupportedCredential extends KubeconfigException {
        private static final long serialVersionUID = 1L;
        private final String userName;

        public UnsupportedCredential(String message, String userName, Path file, Throwable cause) {
            super(Kind.INVALID, message, file, cause);
            this.userName = userName;
        }

        public String userName() {
            return userName;
        }
    }
}
