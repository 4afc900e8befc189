package dev.meridian.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the agent needs to start, as plain values, immutable; what is built from it (the
 * reviewer, the audit sink, the upstreams, the listeners) is wired by {@code server.AgentServer}. Build it with {@link #builder()} (all
 * defaults as documented by {@code --help}) or from the command line with {@code AgentCommand}.
 *
 * @param bindHost            address the proxy listener binds to
 * @param port                proxy listener port; 0 picks a free port
 * @param adminPort           admin listener port (/metrics, /readyz); 0 picks a free port, -1 disables it
 * @param adminBindHost       address the admin listener binds to: it has no authentication, so loopback
 *                            unless a deployment opens it for the kubelet's probes
 * @param tls                 TLS of the proxy listener
 * @param caFile              where to write the self-signed CA (PEM); null writes none
 * @param upstream            the API server requests are forwarded to
 * @param authority           the API server that reviews tokens; null means the upstream
 * @param audit               where audit events are written
 * @param routePrefix         path prefix forwarded to the upstream, stripped on the way
 * @param idleTimeout         a proxied connection with no traffic for this long is closed
 * @param requestTimeout      no proxied request (watch, exec) lives longer than this
 * @param reviewTimeout       limit for one TokenReview call
 * @param acceptedTtl         how long an accepted token stays cached at most (less when its JWT {@code exp} is sooner)
 * @param rejectedTtl         how long a rejected token stays cached
 * @param tokenCacheSize      most accepted tokens cached at once
 * @param rejectedTokenCacheSize most rejected tokens cached at once, apart from the accepted ones
 * @param reviewRate          TokenReviews per second one client address may cause with tokens not cached
 * @param reviewBurst         TokenReviews one client address may cause at once before {@code reviewRate} applies
 * @param namespace           the agent's namespace (the CA Secret goes there)
 * @param publishCaSecret     write the self-signed CA to Secret {@code loft-agent-ca} in {@code namespace}
 * @param shutdownGrace       how long shutdown waits for requests in flight
 * @param eventLoops          event-loop threads serving the proxy
 * @param trustedProxies      usernames whose {@code Impersonate-*} headers are honoured, each impersonation
 *                            authorized by a SubjectAccessReview on the target cluster; empty refuses all
 * @param clientLimits        timeouts and connection bounds per client and in total; null means the defaults
 * @param trustedForwarders   peers (front proxies such as an ingress) whose {@code X-Forwarded-For} the agent
 *                            extends rather than replaces; empty trusts none
 */
public record AgentConfig(
        String bindHost,
        int port,
        int adminPort,
        String adminBindHost,
        ServerTls tls,
        Path caFile,
        ClusterSource upstream,
        ClusterSource authority,
        AuditTarget audit,
        String routePrefix,
        Duration idleTimeout,
        Duration requestTimeout,
        Duration reviewTimeout,
        Duration acceptedTtl,
        Duration rejectedTtl,
        int tokenCacheSize,
        int rejectedTokenCacheSize,
        double reviewRate,
        int reviewBurst,
        String namespace,
        boolean publishCaSecret,
        Duration shutdownGrace,
        int eventLoops,
        java.util.Set<String> trustedProxies,
        ClientLimits clientLimits,
        java.util.List<Cidr> trustedForwarders) {

    public static final String DEFAULT_ROUTE_PREFIX = "/kubernetes/cluster";
    public static final String DEFAULT_NAMESPACE = "vcluster-pro";
    public static final String CA_SECRET_NAME = "loft-agent-ca";
    public static final String CA_SECRET_KEY = "ca.crt";

    public AgentConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(adminBindHost, "adminBindHost");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(namespace, "namespace");
        requirePort("port", port, false);
        requirePort("admin port", adminPort, true);
        routePrefix = normalisePrefix(routePrefix);
        requirePositive("idle timeout", idleTimeout);
        requirePositive("request timeout", requestTimeout);
        requirePositive("review timeout", reviewTimeout);
        requirePositive("accepted token cache time", acceptedTtl);
        requirePositive("rejected token cache time", rejectedTtl);
        requirePositive("shutdown grace", shutdownGrace);
        if (!(reviewRate >= 1e-6) || Double.isInfinite(reviewRate) || reviewBurst < 1) {
            throw new IllegalArgumentException("the review rate must be at least 0.000001 per second and the burst "
                    + "at least 1, got " + reviewRate + "/s and " + reviewBurst);
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("event loops must be at least 1, got " + eventLoops);
        }
        trustedProxies = trustedProxies == null ? java.util.Set.of() : java.util.Set.copyOf(trustedProxies);
        if (trustedProxies.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a trusted proxy must be a username, not blank");
        }
        clientLimits = clientLimits == null ? ClientLimits.DEFAULT : clientLimits;
        trustedForwarders = trustedForwarders == null ? java.util.List.of() : java.util.List.copyOf(trustedForwarders);
        if (tokenCacheSize < 1 || rejectedTokenCacheSize < 1) {
            throw new IllegalArgumentException("token cache sizes must be at least 1, got " + tokenCacheSize
                    + " accepted and " + rejectedTokenCacheSize + " rejected");
        }
    }

    /** The authority that reviews tokens: the upstream unless another one is configured. */
    public ClusterSource effectiveAuthority() {
        return authority != null ? authority : upstream;
    }

    public Optional<Path> caFileIfAny() {
        return Optional.ofNullable(caFile);
    }

    /**
     * Half the processors, at least one: on a 2-core loopback benchmark one loop used half the CPU
     * per request of two, since fewer, busier loops batch more events per system call.
     */
    public static int defaultEventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requirePort(String what, int port, boolean mayBeDisabled) {
        int min = mayBeDisabled ? -1 : 0;
        if (port < min || port > 65535) {
            throw new IllegalArgumentException(what + " must be between " + min + " and 65535, got " + port);
        }
    }

    static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    private static String normalisePrefix(String prefix) {
        String p = prefix == null ? DEFAULT_ROUTE_PREFIX : prefix.trim();
        if (!p.startsWith("/") || p.contains("//") || p.contains("/.") || p.contains("%") || p.contains("?")) {
            throw new IllegalArgumentException(
                    "route prefix must be a plain absolute path like /kubernetes/cluster, got " + prefix);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
