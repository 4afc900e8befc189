package dev.meridian.installer;

/**
 * Root of every failure the installer reports. Subclasses carry the details of what failed
 * (object, namespace, timeout...) and always the underlying cause when there is one; {@link #failure()}
 * says what kind of failure it was, so a caller (the CLI's exit codes, the window) can act on it
 * without knowing every subclass.
 */
public class InstallerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it was. */
    public enum Failure {
        /** The request is wrong: an invalid option, or an object in the cluster stands in its way. */
        INVALID,
        /** An operation needs an installed agent and there is none. */
        NOT_INSTALLED,
        /** The cluster answered and refused (403, 404, 415, 422 and other 4xx but 401, 408, 409, 429). */
        REFUSED,
        /** Someone else changed an object between our read and our write (409). */
        CONFLICT,
        /** The cluster could not be reached, did not accept our credentials (401) or failed (5xx). */
        UNREACHABLE,
        /** What the installer waited for did not happen in time. */
        TIMED_OUT,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    private final Failure failure;

    public InstallerException(Failure failure, String message) {
        this(failure, message, null);
    }

    public InstallerException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = java.util.Objects.requireNonNull(failure, "failure");
    }

    public Failure failure() {
        return failure;
    }
}
