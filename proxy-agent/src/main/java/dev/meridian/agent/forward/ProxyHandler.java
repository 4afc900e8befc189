package dev.meridian.agent.forward;

import dev.meridian.agent.audit.AuditSink;
import dev.meridian.agent.auth.ImpersonationDecision;
import dev.meridian.agent.auth.Review;
import dev.meridian.agent.auth.TokenReviewer;
import dev.meridian.agent.auth.UserInfo;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BooleanSupplier;

/**
 * The agent's request pipeline: anonymous health and preflight, then path normalisation and
 * routing, framing checks, bearer authentication, the impersonation rules (refused, unless a
 * trusted front proxy asks and the cluster allows it), and forwarding.
 * Every request past the anonymous ones is audited exactly once.
 */
public final class ProxyHandler implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final RoutingTable routes;
    private final TokenReviewer reviewer;
    private final AuditSink audit;
    private final ProxyMetrics metrics;
    private final Forwarder forwarder;
    private final BooleanSupplier ready;
    private final TrustedProxies trustedProxies;

    public ProxyHandler(RoutingTable routes, TokenReviewer reviewer, AuditSink audit, ProxyMetrics metrics,
                        Forwarder forwarder, BooleanSupplier ready, TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
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
        return route.isEmpty() || (collapsed.startsWith(route)
                && (collapsed.length() == route.length() || collapsed.charAt(route.length()) == '/'));
    }

    @Override
    public void handle(HttpServerRequest req) {
        if (req.method() == HttpMethod.OPTIONS) {
            Cors.preflight(req.response());
            return;
        }
        String rawPath = req.path();
        if ("/healthz".equals(rawPath) || "/readyz".equals(rawPath)) {
            Cors.health(req.response(), rawPath.equals("/healthz") || ready.getAsBoolean());
            return;
        }
        Exchange exchange = new Exchange(req, audit, metrics);
        if (!(PathNormalizer.normalize(rawPath) instanceof PathNormalizer.Result.Normalized normalized)) {
            exchange.refuse(StatusResponses.NOT_FOUND);
            return;
        }
        RoutingTable.RouteMatch match = routes.resolve(normalized.path()).orElse(null);
        if (match == null || !spellsRoute(rawPath, match.route())) {
            exchange.refuse(StatusResponses.NOT_FOUND);
            return;
        }
        exchange.apiPath(match.upstreamPath().substring(match.upstream().basePath().length()));
        if (HeaderRules.hasAmbiguousFraming(req.headers())) {
            exchange.refuse(StatusResponses.BAD_REQUEST);
            return;
        }
        String token = bearerToken(req.getHeader(HttpHeaderNames.AUTHORIZATION));
        if (token == null) {
            exchange.refuse(StatusResponses.UNAUTHORIZED);
            return;
        }
        req.pause();
        Context context = Vertx.currentContext();
        reviewer.review(token).whenComplete((review, error) -> onContext(context,
                () -> authorised(exchange, match, error != null ? new Review.Unavailable(error.getMessage()) : review)));
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
        Context context = Vertx.currentContext();
        trustedProxies.authorizer().authorize(match.upstream(), proxy, target).whenComplete((decision, error) ->
                onContext(context, () -> {
                    if (error == null && decision instanceof ImpersonationDecision.Allowed) {
                        exchange.impersonate(target);
                        forwarder.forward(exchange, match);
                    } else if (error == null && decision instanceof ImpersonationDecision.Denied denied) {
                        exchange.refuse(response -> StatusResponses.sendForbidden(response, denied.reason()));
                    } else {
                        LOG.warn("cannot authorize impersonation by {}: {}", proxy.username(), error != null
                                ? error.getMessage() : ((ImpersonationDecision.Unavailable) decision).reason());
                        exchange.refuse(StatusResponses.AUTHORIZATION_UNAVAILABLE);
                    }
                }));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
