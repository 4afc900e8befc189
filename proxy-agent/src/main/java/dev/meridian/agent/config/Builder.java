package dev.meridian.agent.config;

import java.nio.file.Path;
import java.time.Duration;

/** Fluent construction of {@link AgentConfig} with the documented defaults. */
public final class Builder {
    public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofSeconds(43200);

    private String bindHost = "0.0.0.0";
    private int port = 8080;
    private int adminPort = 8081;
    private String adminBindHost = "127.0.0.1";
    private ServerTls tls = new ServerTls.Plain();
    private Path caFile;
    private ClusterSource upstream = new ClusterSource.InCluster();
    private ClusterSource authority;
    private AuditTarget audit = new AuditTarget.Stdout();
    private String routePrefix = AgentConfig.DEFAULT_ROUTE_PREFIX;
    private Duration idleTimeout = DEFAULT_STREAM_TIMEOUT;
    private Duration requestTimeout = DEFAULT_STREAM_TIMEOUT;
    private Duration reviewTimeout = Duration.ofSeconds(10);
    private Duration acceptedTtl = Duration.ofSeconds(10);
    private Duration rejectedTtl = Duration.ofSeconds(5);
    private int tokenCacheSize = 10_000;
    private int rejectedTokenCacheSize = 1_000;
    private double reviewRate = 20;
    private int reviewBurst = 40;
    private String namespace = AgentConfig.DEFAULT_NAMESPACE;
    private boolean publishCaSecret;
    private Duration shutdownGrace = Duration.ofSeconds(30);
    private int eventLoops = AgentConfig.defaultEventLoops();
    private java.util.Set<String> trustedProxies = java.util.Set.of();
    private ClientLimits clientLimits = ClientLimits.DEFAULT;
    private java.util.List<Cidr> trustedForwarders = java.util.List.of();

    Builder() {}

    Builder(AgentConfig c) {
        bindHost = c.bindHost();
        port = c.port();
        adminPort = c.adminPort();
        adminBindHost = c.adminBindHost();
        tls = c.tls();
        caFile = c.caFile();
        upstream = c.upstream();
        authority = c.authority();
        audit = c.audit();
        routePrefix = c.routePrefix();
        idleTimeout = c.idleTimeout();
        requestTimeout = c.requestTimeout();
        reviewTimeout = c.reviewTimeout();
        acceptedTtl = c.acceptedTtl();
        rejectedTtl = c.rejectedTtl();
        tokenCacheSize = c.tokenCacheSize();
        rejectedTokenCacheSize = c.rejectedTokenCacheSize();
        reviewRate = c.reviewRate();
        reviewBurst = c.reviewBurst();
        namespace = c.namespace();
        publishCaSecret = c.publishCaSecret();
        shutdownGrace = c.shutdownGrace();
        eventLoops = c.eventLoops();
        trustedProxies = c.trustedProxies();
        clientLimits = c.clientLimits();
        trustedForwarders = c.trustedForwarders();
    }

    public Builder bindHost(String v) {
        bindHost = v;
        return this;
    }

    public Builder port(int v) {
        port = v;
        return this;
    }

    public Builder adminPort(int v) {
        adminPort = v;
        return this;
    }

    public Builder adminBindHost(String v) {
        adminBindHost = v;
        return this;
    }

    public Builder tls(ServerTls v) {
        tls = v;
        return this;
    }

    public Builder caFile(Path v) {
        caFile = v;
        return this;
    }

    public Builder upstream(ClusterSource v) {
        upstream = v;
        return this;
    }

    public Builder authority(ClusterSource v) {
        authority = v;
        return this;
    }

    public Builder audit(AuditTarget v) {
        audit = v;
        return this;
    }

    public Builder routePrefix(String v) {
        routePrefix = v;
        return this;
    }

    public Builder idleTimeout(Duration v) {
        idleTimeout = v;
        return this;
    }

    public Builder requestTimeout(Duration v) {
        requestTimeout = v;
        return this;
    }

    public Builder reviewTimeout(Duration v) {
        reviewTimeout = v;
        return this;
    }

    public Builder acceptedTtl(Duration v) {
        acceptedTtl = v;
        return this;
    }

    public Builder rejectedTtl(Duration v) {
        rejectedTtl = v;
        return this;
    }

    public Builder tokenCacheSize(int v) {
        tokenCacheSize = v;
        return this;
    }

    public Builder rejectedTokenCacheSize(int v) {
        rejectedTokenCacheSize = v;
        return this;
    }

    public Builder reviewRate(double v) {
        reviewRate = v;
        return this;
    }

    public Builder reviewBurst(int v) {
        reviewBurst = v;
        return this;
    }

    public Builder namespace(String v) {
        namespace = v;
        return this;
    }

    public Builder publishCaSecret(boolean v) {
        publishCaSecret = v;
        return this;
    }

    public Builder shutdownGrace(Duration v) {
        shutdownGrace = v;
        return this;
    }

    public Builder eventLoops(int v) {
        eventLoops = v;
        return this;
    }

    public Builder trustedProxies(java.util.Set<String> v) {
        trustedProxies = v;
        return this;
    }

    public Builder clientLimits(ClientLimits v) {
        clientLimits = v;
        return this;
    }

    public Builder trustedForwarders(java.util.List<Cidr> v) {
        trustedForwarders = v;
        return this;
    }

    public AgentConfig build() {
        return new AgentConfig(
                bindHost,
                port,
                adminPort,
                adminBindHost,
                tls,
                caFile,
                upstream,
                authority,
                audit,
                routePrefix,
                idleTimeout,
                requestTimeout,
                reviewTimeout,
                acceptedTtl,
                rejectedTtl,
                tokenCacheSize,
                rejectedTokenCacheSize,
                reviewRate,
                reviewBurst,
                namespace,
                publishCaSecret,
                shutdownGrace,
                eventLoops,
                trustedProxies,
                clientLimits,
                trustedForwarders);
    }
}
