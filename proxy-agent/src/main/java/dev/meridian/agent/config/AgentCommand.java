package dev.meridian.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The agent's flags; every flag also reads an environment variable, named in {@code --help}. */
@Command(
        name = "meridian-agent",
        mixinStandardHelpOptions = true,
        version = "meridian-agent 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Direct cluster endpoint: authenticates bearer tokens with a TokenReview, then forwards "
                + "/kubernetes/cluster/** to the API server with the agent's own credentials and the caller's identity "
                + "as impersonation headers. /healthz and CORS preflight are anonymous. Audit events (audit.k8s.io/v1, "
                + "level Metadata) go to stdout or --audit-log; logs go to stderr as JSON lines.",
        footer = {"", "Environment variables are read when the flag is absent; flags win."})
public final class AgentCommand {

    @Option(
            names = "--bind-address",
            defaultValue = "${env:MERIDIAN_BIND_ADDRESS:-0.0.0.0}",
            description = "Address the proxy listens on (env MERIDIAN_BIND_ADDRESS, default ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(
            names = "--admin-bind-address",
            defaultValue = "${env:MERIDIAN_ADMIN_BIND_ADDRESS:-127.0.0.1}",
            description = "Address the admin port listens on; it has no authentication, so open it (0.0.0.0) only "
                    + "where probes or Prometheus need it (env MERIDIAN_ADMIN_BIND_ADDRESS, default ${DEFAULT-VALUE}).")
    String adminBindAddress;

    @Option(
            names = "--port",
            defaultValue = "${env:MERIDIAN_PORT:-8080}",
            description = "Proxy port (env MERIDIAN_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--admin-port",
            defaultValue = "${env:MERIDIAN_ADMIN_PORT:-8081}",
            description =
                    "Admin port serving /metrics and /readyz; -1 disables it (env MERIDIAN_ADMIN_PORT, default ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(
            names = "--tls-cert",
            defaultValue = "${env:MERIDIAN_TLS_CERT}",
            description = "PEM certificate chain for HTTPS; needs --tls-key (env MERIDIAN_TLS_CERT).")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            defaultValue = "${env:MERIDIAN_TLS_KEY}",
            description = "PEM private key for HTTPS (env MERIDIAN_TLS_KEY).")
    Path tlsKey;

    @Option(
            names = "--self-signed",
            defaultValue = "${env:MERIDIAN_SELF_SIGNED:-false}",
            description =
                    "Serve HTTPS with a generated CA and certificate, kept in --tls-dir and reused (env MERIDIAN_SELF_SIGNED).")
    boolean selfSigned;

    @Option(
            names = "--tls-dir",
            defaultValue = "${env:MERIDIAN_TLS_DIR:-/tmp/meridian-agent-tls}",
            description =
                    "Directory keeping the self-signed CA and certificate (env MERIDIAN_TLS_DIR, default ${DEFAULT-VALUE}).")
    Path tlsDir;

    @Option(
            names = "--tls-san",
            split = ",",
            defaultValue = "${env:MERIDIAN_TLS_SAN}",
            description =
                    "Extra DNS names or IPs for the self-signed certificate, comma separated (env MERIDIAN_TLS_SAN).")
    List<String> tlsSans = new ArrayList<>();

    @Option(
            names = "--ca-file",
            defaultValue = "${env:MERIDIAN_CA_FILE}",
            description = "Write the self-signed CA (PEM) to this file (env MERIDIAN_CA_FILE).")
    Path caFile;

    @Option(
            names = "--publish-ca-secret",
            negatable = true,
            defaultValue = "${env:MERIDIAN_PUBLISH_CA_SECRET}",
            description = "Write the self-signed CA to Secret loft-agent-ca (key ca.crt) in the agent namespace; "
                    + "default: on when running in a cluster (env MERIDIAN_PUBLISH_CA_SECRET).")
    Boolean publishCaSecret;

    @Option(
            names = "--kubeconfig",
            defaultValue = "${env:MERIDIAN_KUBECONFIG}",
            description =
                    "Kubeconfig of the API server to forward to; default: the in-cluster ServiceAccount (env MERIDIAN_KUBECONFIG).")
    Path kubeconfig;

    @Option(
            names = "--context",
            defaultValue = "${env:MERIDIAN_CONTEXT}",
            description = "Context in --kubeconfig; default: its current context (env MERIDIAN_CONTEXT).")
    String context;

    @Option(
            names = "--authority-kubeconfig",
            defaultValue = "${env:MERIDIAN_AUTHORITY_KUBECONFIG}",
            description = "Kubeconfig of the API server that reviews tokens (for example the management plane); "
                    + "default: the upstream (env MERIDIAN_AUTHORITY_KUBECONFIG).")
    Path authorityKubeconfig;

    @Option(
            names = "--authority-context",
            defaultValue = "${env:MERIDIAN_AUTHORITY_CONTEXT}",
            description = "Context in --authority-kubeconfig (env MERIDIAN_AUTHORITY_CONTEXT).")
    String authorityContext;

    @Option(
            names = "--audit-log",
            defaultValue = "${env:MERIDIAN_AUDIT_LOG}",
            description =
                    "Audit log file, rotated by size; '-' or absent writes JSON lines to stdout (env MERIDIAN_AUDIT_LOG).")
    String auditLog;

    @Option(
            names = "--audit-log-max-size",
            defaultValue = "${env:MERIDIAN_AUDIT_LOG_MAX_SIZE:-104857600}",
            description =
                    "Rotate the audit log at this many bytes (env MERIDIAN_AUDIT_LOG_MAX_SIZE, default ${DEFAULT-VALUE}).")
    long auditLogMaxSize;

    @Option(
            names = "--audit-log-max-backups",
            defaultValue = "${env:MERIDIAN_AUDIT_LOG_MAX_BACKUPS:-5}",
            description = "Rotated audit logs to keep (env MERIDIAN_AUDIT_LOG_MAX_BACKUPS, default ${DEFAULT-VALUE}).")
    int auditLogMaxBackups;

    @Option(
            names = "--idle-timeout",
            defaultValue = "${env:MERIDIAN_IDLE_TIMEOUT:-43200}",
            description =
                    "Seconds a proxied connection may stay silent (env MERIDIAN_IDLE_TIMEOUT, default ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Option(
            names = "--client-head-timeout",
            defaultValue = "${env:MERIDIAN_CLIENT_HEAD_TIMEOUT:-30}",
            description = "Seconds a client has to send a whole request head once it started one "
                    + "(env MERIDIAN_CLIENT_HEAD_TIMEOUT, default ${DEFAULT-VALUE}).")
    long clientHeadTimeoutSeconds;

    @Option(
            names = "--client-idle-timeout",
            defaultValue = "${env:MERIDIAN_CLIENT_IDLE_TIMEOUT:-120}",
            description = "Seconds a client connection with no request in flight stays open, and a client may pause "
                    + "while sending a body; a quiet watch is not idle (env MERIDIAN_CLIENT_IDLE_TIMEOUT, default "
                    + "${DEFAULT-VALUE}).")
    long clientIdleTimeoutSeconds;

    @Option(
            names = "--max-connections",
            defaultValue = "${env:MERIDIAN_MAX_CONNECTIONS:-10000}",
            description = "Client connections served at once; past it only /healthz and /readyz are answered "
                    + "(env MERIDIAN_MAX_CONNECTIONS, default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(
            names = "--max-connections-per-client",
            defaultValue = "${env:MERIDIAN_MAX_CONNECTIONS_PER_CLIENT:-2048}",
            description = "Client connections served at once from one address "
                    + "(env MERIDIAN_MAX_CONNECTIONS_PER_CLIENT, default ${DEFAULT-VALUE}).")
    int maxConnectionsPerClient;

    @Option(
            names = "--max-upstream-per-client",
            defaultValue = "${env:MERIDIAN_MAX_UPSTREAM_PER_CLIENT:-256}",
            description = "API-server connections one user holds at once (a watch or exec holds one "
                    + "while it lasts); past it requests are answered 429 (env MERIDIAN_MAX_UPSTREAM_PER_CLIENT, "
                    + "default ${DEFAULT-VALUE}).")
    int maxUpstreamPerClient;

    @Option(
            names = "--request-timeout",
            defaultValue = "${env:MERIDIAN_REQUEST_TIMEOUT:-43200}",
            description = "Longest life of one proxied request, watches and exec included, in seconds "
                    + "(env MERIDIAN_REQUEST_TIMEOUT, default ${DEFAULT-VALUE}).")
    long requestTimeoutSeconds;

    @Option(
            names = "--token-cache-ttl",
            defaultValue = "${env:MERIDIAN_TOKEN_CACHE_TTL:-10}",
            description = "Seconds an accepted token is trusted without a new TokenReview, never past the token's own "
                    + "expiry when it is a JWT; a revoked token works at most this long (env MERIDIAN_TOKEN_CACHE_TTL, "
                    + "default ${DEFAULT-VALUE}).")
    long tokenCacheTtlSeconds;

    @Option(
            names = "--token-cache-size",
            defaultValue = "${env:MERIDIAN_TOKEN_CACHE_SIZE:-10000}",
            description =
                    "Most accepted tokens cached (by SHA-256) at once (env MERIDIAN_TOKEN_CACHE_SIZE, default ${DEFAULT-VALUE}).")
    int tokenCacheSize;

    @Option(
            names = "--rejected-token-cache-size",
            defaultValue = "${env:MERIDIAN_REJECTED_TOKEN_CACHE_SIZE:-1000}",
            description =
                    "Most rejected tokens cached at once, apart from the accepted ones so bogus tokens never evict "
                            + "them (env MERIDIAN_REJECTED_TOKEN_CACHE_SIZE, default ${DEFAULT-VALUE}).")
    int rejectedTokenCacheSize;

    @Option(
            names = "--review-rate",
            defaultValue = "${env:MERIDIAN_REVIEW_RATE:-20}",
            description = "TokenReviews per second one client address (an IPv6 /64) may cause with tokens not cached; "
                    + "past it and --review-burst such a request gets 429 with Retry-After. Cached tokens are never "
                    + "limited (env MERIDIAN_REVIEW_RATE, default ${DEFAULT-VALUE}).")
    double reviewRate;

    @Option(
            names = "--review-burst",
            defaultValue = "${env:MERIDIAN_REVIEW_BURST:-40}",
            description = "TokenReviews one client address may cause at once before --review-rate applies "
                    + "(env MERIDIAN_REVIEW_BURST, default ${DEFAULT-VALUE}).")
    int reviewBurst;

    @Option(
            names = "--namespace",
            defaultValue = "${env:POD_NAMESPACE:-vcluster-pro}",
            description = "The agent's namespace, for the CA Secret (env POD_NAMESPACE, default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(
            names = "--shutdown-grace",
            defaultValue = "${env:MERIDIAN_SHUTDOWN_GRACE:-30}",
            description =
                    "Seconds shutdown waits for requests in flight (env MERIDIAN_SHUTDOWN_GRACE, default ${DEFAULT-VALUE}).")
    long shutdownGraceSeconds;

    @Option(
            names = "--event-loops",
            defaultValue = "${env:MERIDIAN_EVENT_LOOPS:-0}",
            description = "Event-loop threads; 0 means half the processors, at least 1 (env MERIDIAN_EVENT_LOOPS).")
    int eventLoops;

    @Option(
            names = "--mode",
            defaultValue = "${env:MERIDIAN_MODE:-agent}",
            paramLabel = "agent|gateway",
            description = "agent: /kubernetes/cluster/** to the --kubeconfig cluster (default). gateway: "
                    + "/kubernetes/management/** to the --kubeconfig cluster (the management plane) and "
                    + "/kubernetes/cluster/<name>/** to each cluster its Cluster objects name, followed live. "
                    + "Env MERIDIAN_MODE.")
    String mode;

    @Option(
            names = "--secret-resync",
            defaultValue = "${env:MERIDIAN_SECRET_RESYNC:-30}",
            description = "Gateway mode: seconds between re-reads of the kubeconfig Secrets that Cluster objects name, "
                    + "so a rotated Secret takes effect (env MERIDIAN_SECRET_RESYNC, default ${DEFAULT-VALUE}).")
    long secretResyncSeconds;

    /** Gateway mode: how often the Secrets named by Cluster objects are re-read. */
    public Duration secretResync() {
        if (secretResyncSeconds < 1) {
            throw new IllegalArgumentException("--secret-resync must be at least 1 second, not " + secretResyncSeconds);
        }
        return Duration.ofSeconds(secretResyncSeconds);
    }

    /** Whether to run as the central gateway rather than one cluster's agent. */
    public boolean isGateway() {
        if (!"agent".equals(mode) && !"gateway".equals(mode)) {
            throw new IllegalArgumentException("--mode must be agent or gateway, not '" + mode + "'");
        }
        return "gateway".equals(mode);
    }

    @Option(
            names = "--trusted-proxy",
            split = ",",
            defaultValue = "${env:MERIDIAN_TRUSTED_PROXIES}",
            paramLabel = "USER",
            description =
                    "Usernames (as TokenReview names them, e.g. system:serviceaccount:vcluster-pro:meridian-gateway) "
                            + "whose Impersonate-* headers are honoured, so a front proxy such as the central gateway can pass its "
                            + "users through; each impersonation is authorized by a SubjectAccessReview on the cluster, as the "
                            + "API server would. Repeatable or comma separated. Default none: any Impersonate-* header is 403 "
                            + "(env MERIDIAN_TRUSTED_PROXIES).")
    List<String> trustedProxies = new ArrayList<>();

    @Option(
            names = "--trusted-forwarders",
            split = ",",
            defaultValue = "${env:MERIDIAN_TRUSTED_FORWARDERS}",
            paramLabel = "CIDR",
            description = "Front proxies (an ingress controller's pods, say), as IPv4 or IPv6 "
                    + "address blocks: a request from one of them keeps its X-Forwarded-For chain, with the proxy's "
                    + "address appended, and its X-Forwarded-Host/Proto/Port. Anyone else's forwarding headers are "
                    + "replaced by X-Forwarded-For: <their address>. Repeatable or comma separated; default none "
                    + "(env MERIDIAN_TRUSTED_FORWARDERS).")
    List<String> trustedForwarders = new ArrayList<>();

    @Option(names = "--verbose", description = "Print stack traces of startup errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }

    private static List<Cidr> cidrs(List<String> texts) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            if (!text.isBlank()) {
                try {
                    cidrs.add(Cidr.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--trusted-forwarders: " + e.getMessage(), e);
                }
            }
        }
        return cidrs;
    }

    /** The configuration these flags describe; {@code inCluster} decides the CA Secret default. */
    public AgentConfig toConfig(boolean inCluster) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
        }
        if (tlsCert != null && selfSigned) {
            throw new IllegalArgumentException("--self-signed and --tls-cert exclude each other: choose one");
        }
        ServerTls tls = tlsCert != null
                ? new ServerTls.Provided(tlsCert, tlsKey)
                : selfSigned
                        ? new ServerTls.SelfSigned(tlsDir, tlsSans == null ? List.of() : tlsSans)
                        : new ServerTls.Plain();
        AuditTarget audit = auditLog == null || auditLog.isBlank() || auditLog.equals("-")
                ? new AuditTarget.Stdout()
                : new AuditTarget.File(Path.of(auditLog), auditLogMaxSize, auditLogMaxBackups);
        return AgentConfig.builder()
                .bindHost(bindAddress)
                .port(port)
                .adminPort(adminPort)
                .adminBindHost(adminBindAddress)
                .tls(tls)
                .caFile(caFile)
                .publishCaSecret(
                        selfSigned && (publishCaSecret != null ? publishCaSecret : inCluster && kubeconfig == null))
                .upstream(
                        kubeconfig == null
                                ? ClusterSource.inCluster()
                                : new ClusterSource.Kubeconfig(kubeconfig, context))
                .authority(
                        authorityKubeconfig == null
                                ? null
                                : new ClusterSource.Kubeconfig(authorityKubeconfig, authorityContext))
                .audit(audit)
                .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .requestTimeout(Duration.ofSeconds(requestTimeoutSeconds))
                .acceptedTtl(Duration.ofSeconds(tokenCacheTtlSeconds))
                .tokenCacheSize(tokenCacheSize)
                .rejectedTokenCacheSize(rejectedTokenCacheSize)
                .reviewRate(reviewRate)
                .reviewBurst(reviewBurst)
                .namespace(namespace)
                .shutdownGrace(Duration.ofSeconds(shutdownGraceSeconds))
                .eventLoops(eventLoops > 0 ? eventLoops : AgentConfig.defaultEventLoops())
                .trustedProxies(trustedProxies == null ? java.util.Set.of() : java.util.Set.copyOf(trustedProxies))
                .clientLimits(clientLimits())
                .trustedForwarders(cidrs(trustedForwarders))
                .build();
    }

    private ClientLimits clientLimits() {
        requireAtLeastOne("--client-head-timeout", clientHeadTimeoutSeconds);
        requireAtLeastOne("--client-idle-timeout", clientIdleTimeoutSeconds);
        requireAtLeastOne("--max-connections", maxConnections);
        requireAtLeastOne("--max-connections-per-client", maxConnectionsPerClient);
        requireAtLeastOne("--max-upstream-per-client", maxUpstreamPerClient);
        return new ClientLimits(
                Duration.ofSeconds(clientHeadTimeoutSeconds),
                Duration.ofSeconds(clientIdleTimeoutSeconds),
                maxConnections,
                maxConnectionsPerClient,
                maxUpstreamPerClient);
    }

    private static void requireAtLeastOne(String flag, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, not " + value);
        }
    }
}
