package dev.meridian.agent.server;

import dev.meridian.agent.forward.Cors;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.function.BooleanSupplier;

/** The admin listener, never exposed by the ingress: Prometheus metrics, readiness, liveness. */
final class AdminServer {
    private AdminServer() {
    }

    static HttpServer create(Vertx vertx, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        return vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/metrics" -> vertx.executeBlocking(registry::scrape, false).onComplete(ar -> {
                    if (ar.succeeded()) {
                        req.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(ar.result());
                    } else {
                        req.response().setStatusCode(500).end();
                    }
                });
                case "/readyz" -> Cors.health(req.response(), ready.getAsBoolean());
                case "/healthz" -> Cors.health(req.response(), true);
                default -> req.response().setStatusCode(404).end();
            }
        });
    }
}
