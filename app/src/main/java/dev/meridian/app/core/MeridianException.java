package dev.meridian.app.core;

/**
 * Root of the errors the app reports to its users. Each one has a {@link Kind} that says what
 * went wrong in terms a front-end can act on; the CLI maps kinds to its exit codes, the window
 * shows the message. Messages say what happened and what to do next.
 */
public class MeridianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure it was; a closed set, so every front-end handles each one. */
    public enum Kind {
        /** A named object (cluster, context, previous context) does not exist. */
        NOT_FOUND,
        /** Input, a file's content, or a value already stored on the server is not valid. */
        INVALID,
        /** Someone else changed or holds what we meant to write; nothing was written. */
        CONFLICT,
        /** The management plane or an endpoint cannot be reached, refuses our credentials, or does not serve Clusters. */
        UNREACHABLE,
        /** A probe found an endpoint that is not up. */
        PROBE_NOT_UP,
        /** A local file (a kubeconfig, the settings) cannot be written. */
        UNWRITABLE
    }

    private final Kind kind;

    public MeridianException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A named object does not exist. */
    public static final class NotFound extends MeridianException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(Kind.NOT_FOUND, message, null);
        }
    }

    /** Input, or a value already stored on the server, is not valid. */
    public static final class InvalidInput extends MeridianException {
        private static final long serialVersionUID = 1L;

        public InvalidInput(String message) {
            this(message, null);
        }

        public InvalidInput(String message, Throwable cause) {
            super(Kind.INVALID, message, cause);
        }
    }

    /** Someone else changed the object between our read and our write; nothing was written. */
    public static final class Conflict extends MeridianException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message, Throwable cause) {
            super(Kind.CONFLICT, message, cause);
        }
    }

    /** The management plane cannot be reached, refuses our credentials, or does not serve Clusters. */
    public static final class ManagementPlane extends MeridianException {
        private static final long serialVersionUID = 1L;

        public ManagementPlane(String message, Throwable cause) {
            super(Kind.UNREACHABLE, message, cause);
        }
    }
}
