package dev.meridian.app.sandbox.api;

/**
 * A patch or apply the simulated API server refuses, with the HTTP code and the {@code Status}
 * reason a real API server would answer with. The message is one plain sentence for the
 * {@code Status} message.
 */
public class PatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;

    PatchException(int code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    /** The HTTP status code: 400, 409, 415 or 422. */
    public int code() {
        return code;
    }

    /** The {@code Status.reason}: BadRequest, Conflict, UnsupportedMediaType or Invalid. */
    public String reason() {
        return reason;
    }

    /** The patch is not shaped as its content type says (a directive of the wrong type, say). */
    static PatchException badRequest(String message) {
        return new PatchException(400, "BadRequest", message);
    }

    /** The patch is well formed but cannot be applied to this object. */
    static PatchException invalid(String message) {
        return new PatchException(422, "Invalid", message);
    }

    /** A strategic merge patch for a kind without patch metadata, as for custom resources. */
    static PatchException unsupportedMediaType(String message) {
        return new PatchException(415, "UnsupportedMediaType", message);
    }
}
