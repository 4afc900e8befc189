package dev.meridian.agent.forward;

import io.vertx.core.http.HttpServerResponse;

/** The anonymous answers: health and CORS preflight, with the headers the design fixes. */
public final class Cors {
    private Cors() {
    }

    public static HttpServerResponse withHeaders(HttpServerResponse response) {
        return response
                .putHeader("access-control-allow-origin", "*")
                .putHeader("access-control-allow-methods", "POST, GET, OPTIONS, PUT, DELETE, PATCH")
                .putHeader("access-control-allow-headers", "*")
                .putHeader("cache-control", "no-cache, private");
    }

    public static void preflight(HttpServerResponse response) {
        withHeaders(response).setStatusCode(204).end();
    }

    public static void health(HttpServerResponse response, boolean healthy) {
        withHeaders(response).setStatusCode(healthy ? 200 : 503)
                .putHeader("content-type", "text/plain; charset=utf-8")
                .end(healthy ? "ok" : "unavailable");
    }
}
