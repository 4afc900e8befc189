package dev.meridian.agent.forward;

import dev.meridian.agent.http.ClientRequest;
import dev.meridian.agent.http.ClientResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every error the agent answers itself, as a {@code v1 Status} like the API server's, so
 * kubectl prints it. Internals never reach the body: they go to the log.
 */
public enum StatusResponses {
    BAD_REQUEST(400, "BadRequest", "the request is ambiguous or malformed"),
    BAD_BODY(400, "BadRequest", "the request body is malformed"),
    BODY_TIMEOUT(408, "Timeout", "the client stopped sending the request body"),
    URI_TOO_LONG(414, "BadRequest", "the request line is too long"),
    HEADERS_TOO_LARGE(431, "BadRequest", "the request headers are too large"),
    TOO_MANY_UPSTREAM(429, "TooManyRequests", "too many requests in flight from this client, retry later"),
    TOO_MANY_CONNECTIONS(503, "ServiceUnavailable", "too many connections, retry later"),
    UNAUTHORIZED(401, "Unauthorized", "Unauthorized"),
    IMPERSONATION_FORBIDDEN(403, "Forbidden", "impersonation through the direct cluster endpoint is not allowed"),
    NOT_FOUND(404, "NotFound", "the server could not find the requested resource"),
    UNFORWARDABLE(500, "InternalError", "the request cannot be forwarded to the cluster's API server"),
    UPSTREAM_UNREACHABLE(502, "InternalError", "the cluster's API server cannot be reached"),
    AUTHENTICATION_UNAVAILABLE(503, "ServiceUnavailable", "authentication is unavailable, try again"),
    AUTHORIZATION_UNAVAILABLE(503, "ServiceUnavailable", "impersonation cannot be authorized now, try again"),
    UPSTREAM_TIMEOUT(504, "Timeout", "the cluster's API server did not answer in time");

    private final int code;
    private final byte[] body;

    StatusResponses(int code, String reason, String message) {
        this.code = code;
        this.body = body(code, reason, message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String body(int code, String reason, String message) {
        return status(code, reason, message).toString();
    }

    private static ObjectNode status(int code, String reason, String message) {
        ObjectNode status =
                JsonNodeFactory.instance.objectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure")
                .put("message", message)
                .put("reason", reason)
                .put("code", code);
    }

    /** A 403 whose message says what the cluster refused (no internals: only names the caller sent). */
    static int sendForbidden(ClientResponse response, String message) {
        send(response, 403, bytes(body(403, "Forbidden", message)), false);
        return 403;
    }

    /**
     * A 429 with {@code Retry-After} (RFC 9110 10.2.3, whole seconds, at least 1) and the same
     * {@code details.retryAfterSeconds} as the API server's own 429, which kubectl and client-go honour.
     */
    static int sendTooManyRequests(ClientResponse response, java.time.Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.plusNanos(999_999_999).getSeconds());
        ObjectNode status =
                status(429, "TooManyRequests", "too many new tokens from this address, try again in " + seconds + " s");
        status.putObject("details").put("retryAfterSeconds", seconds);
        HttpHeaders headers = headers(false).add("Retry-After", Long.toString(seconds));
        response.respond(
                HttpResponseStatus.TOO_MANY_REQUESTS, headers, Unpooled.wrappedBuffer(bytes(status.toString())));
        return 429;
    }

    /** A 400 naming what is malformed in the request. */
    static int sendBadRequest(ClientResponse response, String message) {
        send(response, 400, bytes(body(400, "BadRequest", message)), false);
        return 400;
    }

    public int code() {
        return code;
    }

    /** The answer to a request the HTTP parser refused ({@code code} 400, 413, 414 or 431). */
    static StatusResponses forMalformedHead(int code) {
        return code == 414 ? URI_TOO_LONG : code == 431 ? HEADERS_TOO_LARGE : BAD_REQUEST;
    }

    /** The answer to a request whose body failed ({@code code} 400 or 408, as {@link ClientRequest#bodyFailure}). */
    static StatusResponses forBodyFailure(int code) {
        return code == 408 ? BODY_TIMEOUT : BAD_BODY;
    }

    /** Sends this status unless a response has already started. */
    public void send(ClientResponse response) {
        send(response, code, body, this == UNAUTHORIZED);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void send(ClientResponse response, int code, byte[] body, boolean challenge) {
        HttpHeaders headers = headers(challenge);
        if (code == 429 || code == 503) {
            // Every 429 and 503 of the agent's own passes (too many connections or requests, an
            // authority or authorizer unavailable): worth a retry a moment later.
            headers.add("Retry-After", "1");
        }
        response.respond(HttpResponseStatus.valueOf(code), headers, Unpooled.wrappedBuffer(body));
    }

    private static HttpHeaders headers(boolean challenge) {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Content-Type", "application/json")
                .add("Cache-Control", "no-cache, private");
        if (challenge) {
            headers.add("WWW-Authenticate", "Bearer");
        }
        return headers;
    }
}
