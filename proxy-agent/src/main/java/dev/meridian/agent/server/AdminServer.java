package dev.meridian.agent.server;

import dev.meridian.agent.forward.Cors;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.BooleanSupplier;

/**
 * The admin listener, never exposed by the ingress: Prometheus metrics, readiness, liveness. It has
 * no authentication, so it binds to loopback unless {@code --admin-bind-address} opens it.
 */
final class AdminServer {
    private AdminServer() {}

    static HttpServer create(Vertx vertx, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        return vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/metrics" ->
                    vertx.executeBlocking(registry::scrape, false).onComplete(ar -> {
                        if (ar.succeeded()) {
                            req.response()
                                    .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                                    .end(ar.result());
                        } else {
                            req.response().setStatusCode(500).end();
                        }
                    });
                case "/readyz" -> health(req.response(), ready.getAsBoolean());
                case "/healthz" -> health(req.response(), true);
                default -> req.response().setStatusCode(404).end();
            }
        });
    }

    /** The same answer as the proxy listener's {@code /healthz}. */
    private static void health(HttpServerResponse response, boolean healthy) {
        Cors.headers().forEach(h -> response.putHeader(h.getKey(), h.getValue()));
        response.setStatusCode(healthy ? 200 : 503)
                .putHeader("content-type", "text/plain; charset=utf-8")
                .end(healthy ? "ok" : "unavailable");
    }
}
