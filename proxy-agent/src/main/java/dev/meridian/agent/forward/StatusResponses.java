package dev.meridian.agent.forward;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Every error the agent answers itself, as a {@code v1 Status} like the API server's, so
 * kubectl prints it. Internals never reach the body: they go to the log.
 */
public enum StatusResponses {
    BAD_REQUEST(400, "BadRequest", "the request is ambiguous or malformed"),
    UNAUTHORIZED(401, "Unauthorized", "Unauthorized"),
    IMPERSONATION_FORBIDDEN(403, "Forbidden", "impersonation through the direct cluster endpoint is not allowed"),
    NOT_FOUND(404, "NotFound", "the server could not find the requested resource"),
    UNFORWARDABLE(500, "InternalError", "the request cannot be forwarded to the cluster's API server"),
    UPSTREAM_UNREACHABLE(502, "InternalError", "the cluster's API server cannot be reached"),
    AUTHENTICATION_UNAVAILABLE(503, "ServiceUnavailable", "authentication is unavailable, try again"),
    AUTHORIZATION_UNAVAILABLE(503, "ServiceUnavailable", "impersonation cannot be authorized now, try again"),
    UPSTREAM_TIMEOUT(504, "Timeout", "the cluster's API server did not answer in time");

    private final int code;
    private final String body;

    StatusResponses(int code, String reason, String message) {
        this.code = code;
        this.body = body(code, reason, message);
    }

    private static String body(int code, String reason, String message) {
        return new JsonObject()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("metadata", new JsonObject())
                .put("status", "Failure")
                .put("message", message)
                .put("reason", reason)
                .put("code", code)
                .encode();
    }

    /** A 403 whose message says what the cluster refused (no internals: only names the caller sent). */
    static int sendForbidden(HttpServerResponse response, String message) {
        send(response, 403, body(403, "Forbidden", message), false);
        return 403;
    }

    /** A 400 naming what is malformed in the request. */
    static int sendBadRequest(HttpServerResponse response, String message) {
        send(response, 400, body(400, "BadRequest", message), false);
        return 400;
    }

    public int code() {
        return code;
    }

    /** Sends this status unless a response has already started. */
    public void send(HttpServerResponse response) {
        send(response, code, body, this == UNAUTHORIZED);
    }

    private static void send(HttpServerResponse response, int code, String body, boolean challenge) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(code)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache, private");
        if (challenge) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body);
    }
}
