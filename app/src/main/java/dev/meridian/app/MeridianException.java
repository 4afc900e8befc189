package dev.meridian.app;

/**
 * Root of the errors the app reports to its users. Each subclass stands for one kind of
 * failure and carries the CLI exit code documented in the README, so front-ends map an
 * error to an outcome in one place. Messages say what happened and what to do next.
 */
public class MeridianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int EXIT_USAGE = 1;
    public static final int EXIT_INVALID = 2;
    public static final int EXIT_CONFLICT = 3;
    public static final int EXIT_UNREACHABLE = 4;
    public static final int EXIT_PROBE_NOT_UP = 5;

    private final int exitCode;

    public MeridianException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A named object does not exist. */
    public static final class NotFound extends MeridianException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(EXIT_INVALID, message, null);
        }
    }

    /** Input, or a value already stored on the server, is not valid. */
    public static final class InvalidInput extends MeridianException {
        private static final long serialVersionUID = 1L;

        public InvalidInput(String message) {
            this(message, null);
        }

        public InvalidInput(String message, Throwable cause) {
            super(EXIT_INVALID, message, cause);
        }
    }

    /** Someone else changed the object between our read and our write; nothing was written. */
    public static final class Conflict extends MeridianException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message, Throwable cause) {
            super(EXIT_CONFLICT, message, cause);
        }
    }

    /** The management plane cannot be reached, refuses our credentials, or does not serve Clusters. */
    public static final class ManagementPlane extends MeridianException {
        private static final long serialVersionUID = 1L;

        public ManagementPlane(String message, Throwable cause) {
            super(EXIT_UNREACHABLE, message, cause);
        }
    }
}
