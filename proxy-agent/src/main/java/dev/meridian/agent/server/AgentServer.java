package dev.meridian.agent.server;

import dev.meridian.agent.AgentException;
import dev.meridian.agent.audit.AuditSink;
import dev.meridian.agent.auth.CachingImpersonationAuthorizer;
import dev.meridian.agent.auth.CachingTokenReviewer;
import dev.meridian.agent.auth.ClientTokenBuckets;
import dev.meridian.agent.auth.KubernetesTokenReviewer;
import dev.meridian.agent.auth.SubjectAccessReviewAuthorizer;
import dev.meridian.agent.auth.TokenCachePolicy;
import dev.meridian.agent.auth.TokenReviewer;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClientLimits;
import dev.meridian.agent.forward.ClusterEndpoint;
import dev.meridian.agent.forward.Forwarder;
import dev.meridian.agent.forward.PrefixRoute;
import dev.meridian.agent.forward.ProxyHandler;
import dev.meridian.agent.forward.ProxyMetrics;
import dev.meridian.agent.forward.RoutingTable;
import dev.meridian.agent.forward.TrustedForwarders;
import dev.meridian.agent.forward.TrustedProxies;
import dev.meridian.agent.forward.Upstream;
import dev.meridian.agent.forward.UpstreamFactory;
import dev.meridian.agent.http.ProxyServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an agent in this JVM: the proxy listener (its connections spread over the event loops), the admin
 * listener, the upstream and authority clients, the token cache and the audit sink.
 * Blocks until both listeners accept connections.
 */
public final class AgentServer {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
    private static final long START_TIMEOUT_SECONDS = 30;
    /** Impersonation decisions keep their documented lifetimes, whatever the token cache time. */
    static final Duration IMPERSONATION_ALLOWED_TTL = Duration.ofSeconds(60);

    static final Duration IMPERSONATION_DENIED_TTL = Duration.ofSeconds(5);

    private AgentServer() {}

    public static RunningAgent start(AgentConfig config) {
        return start(config, null);
    }

    /**
     * Like {@link #start(AgentConfig)} with a routing table other than the single cluster route
     * (gateway mode); the table receives the factory for its upstreams.
     */
    public static RunningAgent start(
            AgentConfig config, java.util.function.Function<UpstreamFactory, RoutingTable> routes) {
        int loops = config.eventLoops();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ProxyMetrics metrics = new ProxyMetrics(registry);
            UpstreamFactory upstreams = new UpstreamFactory(vertx, config.idleTimeout());
            Upstream cluster = upstreams.create("cluster", ClusterEndpoint.resolve(config.upstream()));
            RoutingTable table =
                    routes != null ? routes.apply(upstreams) : new PrefixRoute(config.routePrefix(), cluster);
            TokenReviewer reviewer = reviewer(config, upstreams, cluster, metrics);
            AuditSink audit = AuditSinks.of(config);
            resources.add(audit);

            ServerTlsSetup.Listener tls = ServerTlsSetup.apply(config, vertx, upstreams.tlsEngine());
            AtomicBoolean ready = new AtomicBoolean(false);
            TrustedForwarders forwarders = trustedForwarders(config);
            ProxyHandler handler = new ProxyHandler(
                    table,
                    reviewer,
                    audit,
                    metrics,
                    new Forwarder(
                            metrics,
                            config.requestTimeout(),
                            config.clientLimits().maxUpstreamPerClient()),
                    ready::get,
                    trustedProxies(config),
                    forwarders);
            VertxInternal internal = (VertxInternal) vertx;
            ClientLimits limits = config.clientLimits();
            ProxyServer server = ProxyServer.start(
                    new ProxyServer.Options(
                            config.bindHost(),
                            config.port(),
                            tls.tls(),
                            limits.idleTimeout(),
                            limits.headTimeout(),
                            limits.maxConnections(),
                            limits.maxConnectionsPerClient(),
                            forwarders::trusts),
                    internal.acceptorEventLoopGroup(),
                    internal.nettyEventLoopGroup(),
                    internal.transport().serverChannelFactory(false),
                    handler);
            resources.add(0, server);
            HttpServer admin = config.adminPort() < 0
                    ? null
                    : await(AdminServer.create(vertx, registry, ready::get)
                            .listen(config.adminPort(), config.adminBindHost()));
            ready.set(true);
            DefaultRunningAgent agent =
                    new DefaultRunningAgent(vertx, server, admin, tls.ca(), config, ready, resources);
            LOG.info(
                    "agent listening on {}:{} ({}, {} event loops), admin on {}:{}, TLS to API servers by {}, {}",
                    config.bindHost(),
                    agent.port(),
                    tls.tls() != null ? "https" : "http",
                    loops,
                    config.adminBindHost(),
                    agent.adminPort(),
                    upstreams.tlsEngine(),
                    routes == null
                            ? "forwarding " + config.routePrefix() + " to " + cluster.authority()
                            : "gateway routes");
            return agent;
        } catch (RuntimeException e) {
            resources.forEach(DefaultRunningAgent::closeQuietly);
            vertx.close();
            throw e instanceof AgentException ? e : new AgentException("cannot start the agent: " + e.getMessage(), e);
        }
    }

    private static TokenReviewer reviewer(
            AgentConfig config, UpstreamFactory upstreams, Upstream cluster, ProxyMetrics metrics) {
        TokenReviewer base = config.tokenReviewer();
        if (base == null) {
            Upstream authority = config.authority() == null
                    ? cluster
                    : upstreams.create("authority", ClusterEndpoint.resolve(config.authority()));
            base = new KubernetesTokenReviewer(authority, config.reviewTimeout());
        }
        TokenReviewer delegate = base;
        TokenReviewer counted = token -> delegate.review(token)
                .whenComplete((r, e) -> metrics.reviewed(
                        e != null ? "error" : r.getClass().getSimpleName().toLowerCase()));
        return new CachingTokenReviewer(
                counted,
                new TokenCachePolicy(
                        config.acceptedTtl(),
                        config.tokenCacheSize(),
                        config.rejectedTtl(),
                        config.rejectedTokenCacheSize()),
                new ClientTokenBuckets(
                        config.reviewRate(),
                        config.reviewBurst(),
                        ClientTokenBuckets.DEFAULT_MAX_CLIENTS,
                        System::nanoTime));
    }

    private static TrustedProxies trustedProxies(AgentConfig config) {
        if (config.trustedProxies().isEmpty()) {
            return TrustedProxies.none();
        }
        LOG.info("honouring impersonation by {}, as each cluster's RBAC allows", config.trustedProxies());
        return new TrustedProxies(
                config.trustedProxies(),
                new CachingImpersonationAuthorizer(
                        new SubjectAccessReviewAuthorizer(config.reviewTimeout()),
                        IMPERSONATION_ALLOWED_TTL,
                        IMPERSONATION_DENIED_TTL,
                        config.tokenCacheSize(),
                        System::nanoTime));
    }

    private static TrustedForwarders trustedForwarders(AgentConfig config) {
        if (!config.trustedForwarders().isEmpty()) {
            LOG.info(
                    "extending the X-Forwarded-For of requests from {}; replacing everyone else's",
                    config.trustedForwarders());
        }
        return new TrustedForwarders(config.trustedForwarders());
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while starting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AgentException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AgentException("timed out while starting", e);
        }
    }
}
