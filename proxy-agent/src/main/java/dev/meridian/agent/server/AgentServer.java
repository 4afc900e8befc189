package dev.meridian.agent.server;

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
import dev.meridian.agent.core.AgentException;
import dev.meridian.agent.core.EventLoops;
import dev.meridian.agent.forward.Forwarder;
import dev.meridian.agent.forward.PrefixRoute;
import dev.meridian.agent.forward.ProxyHandler;
import dev.meridian.agent.forward.ProxyMetrics;
import dev.meridian.agent.forward.RoutingTable;
import dev.meridian.agent.forward.TrustedForwarders;
import dev.meridian.agent.forward.TrustedProxies;
import dev.meridian.agent.http.ProxyServer;
import dev.meridian.agent.upstream.ClusterEndpoint;
import dev.meridian.agent.upstream.Upstream;
import dev.meridian.agent.upstream.UpstreamFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles and starts an agent in this JVM from its plain configuration: the event loops it owns,
 * the upstreams, the token reviewer and its cache, the impersonation authorizer, the audit sink,
 * the proxy listener (its connections spread over the event loops) and the admin listener.
 * The one place where the agent's parts are wired together. Blocks until both listeners accept
 * connections.
 */
public final class AgentServer {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
    /** Impersonation decisions keep their documented lifetimes, whatever the token cache time. */
    static final Duration IMPERSONATION_ALLOWED_TTL = Duration.ofSeconds(60);

    static final Duration IMPERSONATION_DENIED_TTL = Duration.ofSeconds(5);

    private AgentServer() {}

    public static RunningAgent start(AgentConfig config) {
        return start(config, InProcess.NONE);
    }

    /** Like {@link #start(AgentConfig)}, with the parts an in-process caller supplies in place of configured ones. */
    public static RunningAgent start(AgentConfig config, InProcess parts) {
        return start(config, parts, null);
    }

    /**
     * Like {@link #start(AgentConfig, InProcess)} with a routing table other than the single cluster
     * route (gateway mode); the table receives the factory for its upstreams.
     */
    public static RunningAgent start(
            AgentConfig config, InProcess parts, Function<UpstreamFactory, RoutingTable> routes) {
        int loopCount = config.eventLoops();
        EventLoops loops = new EventLoops(loopCount);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ProxyMetrics metrics = new ProxyMetrics(registry);
            UpstreamFactory upstreams = new UpstreamFactory(loops, config.idleTimeout());
            Upstream cluster = upstreams.create("cluster", ClusterEndpoint.resolve(config.upstream()));
            resources.add(cluster::close);
            RoutingTable table =
                    routes != null ? routes.apply(upstreams) : new PrefixRoute(config.routePrefix(), cluster);
            TokenReviewer reviewer = reviewer(config, parts, upstreams, cluster, metrics, resources);
            AuditSink audit = AuditSinks.of(config, parts);
            resources.add(audit);

            ServerTlsSetup.Listener tls = ServerTlsSetup.apply(config, upstreams.tlsEngine());
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
                    loops.acceptor(),
                    loops.loops(),
                    loops.serverChannels(),
                    handler);
            resources.add(0, server);
            AdminServer admin = config.adminPort() < 0
                    ? null
                    : AdminServer.start(loops, config.adminBindHost(), config.adminPort(), registry, ready::get);
            ready.set(true);
            DefaultRunningAgent agent =
                    new DefaultRunningAgent(loops, server, admin, tls.ca(), config, ready, resources);
            LOG.info(
                    "agent listening on {}:{} ({}, {} {} event loops), admin on {}:{}, TLS to API servers by {}, {}",
                    config.bindHost(),
                    agent.port(),
                    tls.tls() != null ? "https" : "http",
                    loopCount,
                    loops.transport(),
                    config.adminBindHost(),
                    agent.adminPort(),
                    upstreams.tlsEngine(),
                    routes == null
                            ? "forwarding " + config.routePrefix() + " to " + cluster.authority()
                            : "gateway routes");
            return agent;
        } catch (RuntimeException e) {
            resources.forEach(DefaultRunningAgent::closeQuietly);
            loops.close();
            throw e instanceof AgentException ? e : new AgentException("cannot start the agent: " + e.getMessage(), e);
        }
    }

    private static TokenReviewer reviewer(
            AgentConfig config,
            InProcess parts,
            UpstreamFactory upstreams,
            Upstream cluster,
            ProxyMetrics metrics,
            List<AutoCloseable> resources) {
        TokenReviewer base = parts.tokenReviewer();
        if (base == null) {
            Upstream authority = cluster;
            if (config.authority() != null) {
                authority = upstreams.create("authority", ClusterEndpoint.resolve(config.authority()));
                resources.add(authority::close);
            }
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
}
