package dev.meridian.agent.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Sends an authenticated request to its upstream: upgrades are handed to {@link UpgradeRelay},
 * everything else to an {@link UpstreamCall} (bodies streamed both ways with back-pressure, one
 * flush per chunk, nothing buffered but a small answer). The idle timeout is the upstream
 * connections' ({@link UpstreamFactory}); {@code requestTimeout} bounds a request's whole life.
 */
public final class Forwarder {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private final ProxyMetrics metrics;
    private final long totalMillis;

    public Forwarder(ProxyMetrics metrics, Duration requestTimeout) {
        this.metrics = metrics;
        this.totalMillis = requestTimeout.toMillis();
    }

    void forward(Exchange exchange, RoutingTable.RouteMatch match) {
        HttpServerRequest req = exchange.request;
        Upstream upstream = match.upstream();
        String query = req.query();
        String uri = query == null ? match.upstreamPath() : match.upstreamPath() + "?" + query;
        if (req.version() == HttpVersion.HTTP_1_1 && HeaderRules.isUpgrade(req.headers())) {
            MultiMap headers = HeaderRules.requestHeadersForUpstream(req.headers());
            addCredentials(headers::add, exchange, upstream);
            headers.set("Connection", "Upgrade").set("Upgrade", req.getHeader("Upgrade"));
            if (!HeaderRules.fitForRawHead(headers)) {
                // The upgrade's head is written by hand: a line break in a value (an identity from
                // the token review, say) would start a header of its own, such as another group.
                LOG.warn("cannot forward the upgrade {}: a header value holds a line break", req.uri());
                exchange.refuse(StatusResponses.UNFORWARDABLE);
                return;
            }
            UpgradeRelay.relay(exchange, upstream, uri, headers, 10_000);
            return;
        }
        UpstreamCall.start(exchange, upstream, uri, metrics, totalMillis, hasBody(req));
    }

    /** The agent's token towards {@code upstream} and the identity the exchange is forwarded as, for either way upstream. */
    static void addCredentials(BiConsumer<String, String> add, Exchange exchange, Upstream upstream) {
        HeaderRules.addImpersonation(add, exchange.user(), upstream.credentials().bearerToken().orElse(null));
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
}
