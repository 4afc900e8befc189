package dev.meridian.agent.forward;

import dev.meridian.agent.audit.AuditSink;
import dev.meridian.agent.auth.ImpersonationDecision;
import dev.meridian.agent.auth.Review;
import dev.meridian.agent.auth.TokenReviewer;
import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.http.ClientRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.EventExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's request pipeline: anonymous health and preflight, then path normalisation and
 * routing, framing checks, bearer authentication, the impersonation rules (refused, unless a
 * trusted front proxy asks and the cluster allows it), and forwarding.
 * Every request past the anonymous ones is audited exactly once.
 */
public final class ProxyHandler implements Consumer<ClientRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final RoutingTable routes;
    private final TokenReviewer reviewer;
    private final AuditSink audit;
    private final ProxyMetrics metrics;
    private final Forwarder forwarder;
    private final BooleanSupplier ready;
    private final TrustedProxies trustedProxies;
    private final TrustedForwarders trustedForwarders;

    public ProxyHandler(
            RoutingTable routes,
            TokenReviewer reviewer,
            AuditSink audit,
            ProxyMetrics metrics,
            Forwarder forwarder,
            BooleanSupplier ready,
            TrustedProxies trustedProxies,
            TrustedForwarders trustedForwarders) {
        this.trustedProxies = trustedProxies;
        this.trustedForwarders = trustedForwarders;
        this.routes = routes;
        this.reviewer = reviewer;
        this.audit = audit;
        this.metrics = metrics;
        this.forwarder = forwarder;
        this.ready = ready;
    }

    /**
     * Dot segments may move a path within its route, never into it: {@code /kubernetes/cluster/a/../b}
     * normalises into route b, but was written for a, so it is refused rather than sent to b.
     */
    static boolean spellsRoute(String rawPath, String route) {
        String collapsed = rawPath.contains("//") ? rawPath.replaceAll("/{2,}", "/") : rawPath;
        return route.isEmpty()
                || (collapsed.startsWith(route)
                        && (collapsed.length() == route.length() || collapsed.charAt(route.length()) == '/'));
    }

    @Override
    public void accept(ClientRequest req) {
        if (req.malformedStatus() != 0) {
            newExchange(req).refuse(StatusResponses.forMalformedHead(req.malformedStatus()));
            return;
        }
        if (HeaderRules.hasAmbiguousFraming(req.headers())) {
            // RFC 9112 6.1/6.3: where this request ends is in doubt, so nothing after it on the
            // connection can be trusted: refused and closed on every path, anonymous ones too.
            req.closeAfterAnswer();
            newExchange(req).refuse(StatusResponses.BAD_REQUEST);
            return;
        }
        String rawPath = req.path();
        boolean health = "/healthz".equals(rawPath) || "/readyz".equals(rawPath);
        if (req.overCapacity()) {
            // A connection past the limits answers one health check, or refuses, and ends.
            req.closeAfterAnswer();
            if (!health) {
                newExchange(req).refuse(StatusResponses.TOO_MANY_CONNECTIONS);
                return;
            }
        }
        if (HttpMethod.OPTIONS.equals(req.method())) {
            Cors.preflight(req.response());
            return;
        }
        if (health) {
            Cors.health(req.response(), rawPath.equals("/healthz") || ready.getAsBoolean());
            return;
        }
        Exchange exchange = newExchange(req);
        if (!(PathNormalizer.normalize(rawPath) instanceof PathNormalizer.Result.Normalized normalized)) {
            exchange.refuse(StatusResponses.NOT_FOUND);
            return;
        }
        RoutingTable.RouteMatch match = routes.resolve(normalized.path()).orElse(null);
        if (match == null || !spellsRoute(rawPath, match.route())) {
            exchange.refuse(StatusResponses.NOT_FOUND);
            return;
        }
        exchange.apiPath(
                match.upstreamPath().substring(match.upstream().basePath().length()));
        String token = bearerToken(req.header(HttpHeaderNames.AUTHORIZATION));
        if (token == null) {
            exchange.refuse(StatusResponses.UNAUTHORIZED);
            return;
        }
        req.pause();
        EventExecutor loop = req.eventLoop();
        reviewer.review(token, exchange.clientKey())
                .whenComplete((review, error) -> onLoop(
                        loop,
                        () -> authorised(
                                exchange, match, error != null ? new Review.Unavailable(error.getMessage()) : review)));
    }

    private void authorised(Exchange exchange, RoutingTable.RouteMatch match, Review review) {
        if (review instanceof Review.Authenticated authenticated) {
            exchange.user(authenticated.user());
            if (!HeaderRules.hasImpersonation(exchange.request.headers())) {
                forwarder.forward(exchange, match);
            } else if (!trustedProxies.trusts(authenticated.user())) {
                exchange.refuse(StatusResponses.IMPERSONATION_FORBIDDEN);
            } else {
                forwardImpersonated(exchange, match, authenticated.user());
            }
        } else if (review instanceof Review.Rejected) {
            exchange.refuse(StatusResponses.UNAUTHORIZED);
        } else if (review instanceof Review.Throttled throttled) {
            // Not logged: a flood would flood the log too; the audit event and the metric count it.
            metrics.reviewed("throttled");
            exchange.refuse(response -> StatusResponses.sendTooManyRequests(response, throttled.retryAfter()));
        } else {
            LOG.warn("cannot authenticate a request: {}", ((Review.Unavailable) review).reason());
            exchange.refuse(StatusResponses.AUTHENTICATION_UNAVAILABLE);
        }
    }

    private void forwardImpersonated(Exchange exchange, RoutingTable.RouteMatch match, UserInfo proxy) {
        ImpersonationHeaders headers = ImpersonationHeaders.read(exchange.request.headers());
        if (headers instanceof ImpersonationHeaders.Invalid invalid) {
            exchange.refuse(response -> StatusResponses.sendBadRequest(response, invalid.reason()));
            return;
        }
        UserInfo target = ((ImpersonationHeaders.Requested) headers).target();
        EventExecutor loop = exchange.request.eventLoop();
        trustedProxies
                .authorizer()
                .authorize(match.upstream(), proxy, target)
                .whenComplete((decision, error) -> onLoop(loop, () -> {
                    if (error == null && decision instanceof ImpersonationDecision.Allowed) {
                        exchange.impersonate(target);
                        forwarder.forward(exchange, match);
                    } else if (error == null && decision instanceof ImpersonationDecision.Denied denied) {
                        exchange.refuse(response -> StatusResponses.sendForbidden(response, denied.reason()));
                    } else {
                        LOG.warn(
                                "cannot authorize impersonation by {}: {}",
                                proxy.username(),
                                error != null
                                        ? error.getMessage()
                                        : ((ImpersonationDecision.Unavailable) decision).reason());
                        exchange.refuse(StatusResponses.AUTHORIZATION_UNAVAILABLE);
                    }
                }));
    }

    private Exchange newExchange(ClientRequest req) {
        return new Exchange(req, audit, metrics, trustedForwarders);
    }

    /** Runs {@code action} on the request's event loop: at once when already there (a cached review). */
    private static void onLoop(EventExecutor loop, Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    static String bearerToken(String authorization) {
        if (authorization == null
                || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
