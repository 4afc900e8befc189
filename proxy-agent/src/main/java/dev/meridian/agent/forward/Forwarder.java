package dev.meridian.agent.forward;

import dev.meridian.agent.http.ClientRequest;
import dev.meridian.agent.upstream.Upstream;
import dev.meridian.agent.upstream.UpstreamFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final UpstreamBudget budget;

    /** {@code upstreamPerClient}: requests (each holding an API-server connection) one user may have in flight. */
    public Forwarder(ProxyMetrics metrics, Duration requestTimeout, int upstreamPerClient) {
        this.metrics = metrics;
        this.totalMillis = requestTimeout.toMillis();
        this.budget = new UpstreamBudget(upstreamPerClient);
    }

    void forward(Exchange exchange, RoutingTable.RouteMatch match) {
        ClientRequest req = exchange.request;
        // Counted per identity the request is forwarded as, not per address: behind an ingress every
        // user shares one address, and one user with many connections is still one user.
        String client = exchange.user() != null ? exchange.user().username() : exchange.clientKey();
        if (!budget.tryTake(client)) {
            exchange.refuse(StatusResponses.TOO_MANY_UPSTREAM);
            return;
        }
        exchange.onComplete(() -> budget.release(client));
        Upstream upstream = match.upstream();
        String query = req.query();
        String uri = query == null ? match.upstreamPath() : match.upstreamPath() + "?" + query;
        if (!req.isHttp2() && !req.isHttp10() && HeaderRules.isUpgrade(req.headers())) {
            // The upgrade's head is written by hand from these headers. The map validates what goes
            // in: a line break in a value (an identity from the token review, say), which would
            // start a header of its own such as another group, is refused here, never sent.
            HttpHeaders headers = HeaderRules.requestHeadersForUpstream(req.headers());
            try {
                addAgentHeaders(headers::add, exchange, upstream);
                headers.set("Connection", "Upgrade").set("Upgrade", req.header("Upgrade"));
                // The answer to an upgrade is its 101 (or a refusal), never a 100 to send a body for.
                headers.remove("Expect");
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot forward the upgrade {}: {}", exchange.loggableUri(), e.getMessage());
                exchange.refuse(StatusResponses.UNFORWARDABLE);
                return;
            }
            UpgradeRelay.relay(exchange, upstream, uri, headers);
            return;
        }
        new UpstreamCall(exchange, upstream, uri, metrics, totalMillis, hasBody(req)).start();
    }

    private static boolean hasBody(ClientRequest req) {
        if (!req.isHttp2()) {
            return HeaderRules.hasBody(req.headers());
        }
        // HTTP/2 has no Transfer-Encoding: a body is announced only by the stream staying open.
        HttpMethod m = req.method();
        boolean bodiless = HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m) || HttpMethod.OPTIONS.equals(m);
        return !req.isEnded() && (!bodiless || HeaderRules.hasBody(req.headers()));
    }

    /**
     * What the agent states upstream, for either way there: its token towards {@code upstream}, the
     * identity the exchange is forwarded as, and where the request came from (X-Forwarded-For).
     */
    static void addAgentHeaders(BiConsumer<CharSequence, String> add, Exchange exchange, Upstream upstream) {
        HeaderRules.addImpersonation(
                add, exchange.user(), upstream.credentials().bearerToken().orElse(null));
        exchange.addForwardedHeaders(add);
    }
}
