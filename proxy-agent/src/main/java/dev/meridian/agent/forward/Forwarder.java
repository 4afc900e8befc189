package dev.meridian.agent.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Sends an authenticated request to its upstream and relays the answer. Bodies stream both
 * ways through pipes (back-pressure, one flush per chunk, nothing buffered); upgrades are
 * handed to {@link UpgradeRelay}.
 */
public final class Forwarder {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private static final long SMALL_BODY = 16 * 1024;

    private final Vertx vertx;
    private final ProxyMetrics metrics;
    private final long idleMillis;
    private final long totalMillis;

    public Forwarder(Vertx vertx, ProxyMetrics metrics, Duration idleTimeout, Duration requestTimeout) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.idleMillis = idleTimeout.toMillis();
        this.totalMillis = requestTimeout.toMillis();
    }

    void forward(Exchange exchange, RoutingTable.RouteMatch match) {
        HttpServerRequest req = exchange.request;
        Upstream upstream = match.upstream();
        String query = req.query();
        String uri = query == null ? match.upstreamPath() : match.upstreamPath() + "?" + query;
        if (req.version() == HttpVersion.HTTP_1_1 && HeaderRules.isUpgrade(req.headers())) {
            MultiMap headers = HeaderRules.requestHeadersForUpstream(req.headers());
            addCredentials(headers, exchange, upstream);
            headers.set("Connection", "Upgrade").set("Upgrade", req.getHeader("Upgrade"));
            UpgradeRelay.relay(exchange, upstream, uri, headers, 10_000);
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(req.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(uri)
                .setIdleTimeout(idleMillis);
        upstream.client().request(options)
                .onSuccess(creq -> send(exchange, upstream, creq))
                .onFailure(e -> unreachable(exchange, e));
    }

    private static void addCredentials(MultiMap headers, Exchange exchange, Upstream upstream) {
        HeaderRules.addImpersonation(headers, exchange.user(), upstream.credentials().bearerToken().orElse(null));
    }

    private void send(Exchange exchange, Upstream upstream, HttpClientRequest creq) {
        HttpServerRequest req = exchange.request;
        // Straight into the request's own headers: a map in between was copied once more.
        HeaderRules.copyRequestHeaders(req.headers(), creq.headers());
        addCredentials(creq.headers(), exchange, upstream);
        HttpServerResponse out = req.response();
        long deadline = vertx.setTimer(totalMillis, id -> creq.reset(0, new java.util.concurrent.TimeoutException("request lifetime exceeded")));
        out.closeHandler(v -> {
            vertx.cancelTimer(deadline);
            creq.reset();
            exchange.complete(out.headWritten() ? out.getStatusCode() : 499);
        });
        creq.response()
                .onSuccess(resp -> relay(exchange, resp, deadline))
                .onFailure(e -> failed(exchange, e, deadline));
        if (hasBody(req)) {
            if (!req.headers().contains("content-length")) {
                creq.setChunked(true);
            }
            req.pipeTo(creq).onFailure(e -> creq.reset(0, e));
        } else {
            creq.end();
            req.resume();
        }
    }

    private static boolean hasBody(HttpServerRequest req) {
        if (req.version() != HttpVersion.HTTP_2) {
            return HeaderRules.hasBody(req.headers());
        }
        // HTTP/2 has no Transfer-Encoding: a body is announced only by the stream staying open.
        HttpMethod m = req.method();
        boolean bodiless = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
        return !req.isEnded() && (!bodiless || HeaderRules.hasBody(req.headers()));
    }

    private void relay(Exchange exchange, HttpClientResponse resp, long deadline) {
        HttpServerResponse out = exchange.request.response();
        metrics.upstreamHead(System.nanoTime() - exchange.startNanos);
        out.setStatusCode(resp.statusCode());
        if (resp.statusMessage() != null) {
            out.setStatusMessage(resp.statusMessage());
        }
        HeaderRules.copyResponseHeaders(resp.headers(), out.headers());
        boolean bodyAllowed = exchange.request.method() != HttpMethod.HEAD && resp.statusCode() != 204
                && resp.statusCode() != 304 && resp.statusCode() >= 200;
        if (bodyAllowed && !resp.headers().contains("content-length") && exchange.request.version() != HttpVersion.HTTP_1_0) {
            out.setChunked(true);
        }
        if (isSmall(resp)) {
            // A small body with a known length goes out in one write with the head.
            resp.body()
                    .onSuccess(body -> out.end(body).onComplete(ar -> {
                        vertx.cancelTimer(deadline);
                        exchange.complete(resp.statusCode());
                    }))
                    .onFailure(e -> {
                        vertx.cancelTimer(deadline);
                        out.reset();
                        exchange.complete(resp.statusCode());
                    });
            return;
        }
        resp.pipe().endOnFailure(false).to(out)
                .onSuccess(v -> {
                    vertx.cancelTimer(deadline);
                    exchange.complete(resp.statusCode());
                })
                .onFailure(e -> {
                    vertx.cancelTimer(deadline);
                    LOG.debug("response stream for {} ended early: {}", exchange.request.uri(), e.getMessage());
                    out.reset();
                    exchange.complete(resp.statusCode());
                });
    }

    private static boolean isSmall(HttpClientResponse resp) {
        String length = resp.getHeader("content-length");
        if (length == null || resp.headers().contains("transfer-encoding")) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) <= SMALL_BODY;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void failed(Exchange exchange, Throwable e, long deadline) {
        vertx.cancelTimer(deadline);
        if (e instanceof java.util.concurrent.TimeoutException || e.getCause() instanceof java.util.concurrent.TimeoutException) {
            LOG.warn("upstream timed out for {}: {}", exchange.request.uri(), e.getMessage());
            exchange.refuse(StatusResponses.UPSTREAM_TIMEOUT);
        } else {
            unreachable(exchange, e);
        }
    }

    private static void unreachable(Exchange exchange, Throwable e) {
        LOG.warn("upstream request failed for {}: {}", exchange.request.uri(), e.toString());
        HttpServerResponse out = exchange.request.response();
        if (out.headWritten()) {
            out.reset();
            exchange.complete(out.getStatusCode());
        } else {
            exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
        }
    }
}
