package dev.meridian.app.sandbox;

import dev.meridian.agent.auth.Review;
import dev.meridian.agent.auth.TokenReviewer;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.AuditTarget;
import dev.meridian.agent.config.Builder;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.gateway.GatewayServer;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole multi-region system on loopback: a management plane behind a gateway, and
 * connected clusters each with a real agent in front serving HTTPS with its own CA. The
 * first cluster gets a direct endpoint with CA data, the second an insecure one, the third
 * only the central route (and so on, in turn). Close it to stop everything it started.
 */
public final class Sandbox implements AutoCloseable {
    public static final String CONTEXT = "meridian-sandbox";
    public static final String ADMIN_TOKEN = "sandbox-admin-token";
    private static final String AGENT_TOKEN = "sandbox-agent-token";

    private final SandboxOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, SandboxCluster> clusters = new LinkedHashMap<>();
    private final Map<String, SimulatedInstalls> installs = new LinkedHashMap<>();
    private final Vertx vertx = Vertx.vertx();
    private final SandboxLock lock;
    private SandboxPorts ports;
    private SimulatedApiServer management;
    private int gatewayPort;
    private String gatewayCa;

    /** A started connected cluster: its API server, agent and the endpoint clients use. */
    public record SandboxCluster(
            String name, SimulatedApiServer api, RunningAgent agent, int endpointPort, Scenario scenario) {
        public String endpoint() {
            return "127.0.0.1:" + endpointPort;
        }
    }

    /** How a sandbox cluster is reached. */
    public enum Scenario {
        DIRECT_WITH_CA,
        DIRECT_INSECURE,
        CENTRAL_ONLY
    }

    private Sandbox(SandboxOptions options, SandboxLock lock) {
        this.options = options;
        this.lock = lock;
        started.push(lock);
        started.push(vertx::close);
    }

    /**
     * Starts the sandbox of {@code options.directory()}, on the ports it had there before.
     *
     * @throws SandboxInUse when a sandbox already runs in that folder (nothing of it is touched)
     */
    public static Sandbox start(SandboxOptions options) {
        Sandbox sandbox = new Sandbox(options, SandboxLock.acquire(options.directory()));
        try {
            sandbox.startAll();
            return sandbox;
        } catch (dev.meridian.app.core.MeridianException e) {
            sandbox.close();
            throw e;
        } catch (RuntimeException | IOException e) {
            sandbox.close();
            throw new IllegalStateException("the sandbox could not start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws IOException {
        Files.createDirectories(options.directory());
        ports = SandboxPorts.load(options.directory());
        management = track(apiServer(SandboxOptions.CENTRAL));
        Scenario[] scenarios = Scenario.values();
        for (int i = 0; i < options.clusters().size(); i++) {
            String name = options.clusters().get(i);
            clusters.put(name, startCluster(name, scenarios[i % scenarios.length]));
        }
        registerClusters();
        startGateway();
        writeKubeconfig();
        ports.save();
        lock.publish(SandboxState.ofThisProcess(gatewayUrl() + "/kubernetes/management", kubeconfig()));
    }

    /** A simulated API server on its recorded port, keeping its TLS in {@code <dir>/<hop>/api}. */
    private SimulatedApiServer apiServer(String hop) {
        Path home = options.directory().resolve(hop).resolve("api");
        return ports.bind(hop + ".api", port -> new SimulatedApiServer(port, home), SimulatedApiServer::port);
    }

    private SandboxCluster startCluster(String name, Scenario scenario) {
        SimulatedApiServer api = track(apiServer(name));
        for (String ns : List.of("default", "kube-system")) {
            createIfMissing(api.client()
                    .namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build()));
        }
        RunningAgent agent = track(ports.bind(
                name + ".agent",
                port -> AgentServer.start(agentConfig(name, api, port).build(), IN_PROCESS),
                RunningAgent::port));
        int endpointPort = delayed(name, agent.port());
        installs.put(
                name,
                track(SimulatedInstalls.start(
                        name,
                        api,
                        options.directory().resolve(name),
                        ClusterSource.of(upstreamConfig(api)),
                        IN_PROCESS,
                        SandboxIssuer.inFolder(options.directory().resolve("issuer")),
                        vertx)));
        return new SandboxCluster(name, api, agent, endpointPort, scenario);
    }

    private Builder agentConfig(String name, SimulatedApiServer upstream, int port) {
        Path home = options.directory().resolve(name);
        return AgentConfig.builder()
                .bindHost("127.0.0.1")
                .port(port)
                .adminPort(-1)
                .tls(new ServerTls.SelfSigned(home.resolve("tls"), List.of("127.0.0.1", "localhost")))
                .upstream(ClusterSource.of(upstreamConfig(upstream)))
                .audit(new AuditTarget.File(
                        options.directory().resolve("audit").resolve(name + ".log"), 10_000_000, 1));
    }

    /** The agents verify their API servers like any upstream: with its certificate as the CA. */
    private static Config upstreamConfig(SimulatedApiServer api) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + api.port())
                .withCaCertData(Base64.getEncoder()
                        .encodeToString(api.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .withOauthToken(AGENT_TOKEN)
                .build();
    }

    /** The agents and the gateway review tokens in process: the simulated servers have no TokenReview. */
    private static final InProcess IN_PROCESS = InProcess.NONE.withTokenReviewer(sandboxReviewer());

    /** Accepts the sandbox admin's token, as a TokenReview against the management plane would. */
    static TokenReviewer sandboxReviewer() {
        return token -> CompletableFuture.completedFuture(
                ADMIN_TOKEN.equals(token)
                        ? new Review.Authenticated(
                                UserInfo.of("sandbox-admin", "system:authenticated", "sandbox:admins"))
                        : new Review.Rejected("unknown sandbox token"));
    }

    /** The gateway is the agent in gateway mode: it routes to the clusters the Cluster objects name. */
    private void startGateway() {
        RunningAgent gateway = track(ports.bind(
                SandboxOptions.CENTRAL + ".gateway",
                port -> GatewayServer.start(
                        agentConfig(SandboxOptions.CENTRAL, management, port).build(),
                        GatewayServer.DEFAULT_SECRET_RESYNC,
                        IN_PROCESS),
                RunningAgent::port));
        gatewayCa = gateway.caCertificatePem().orElseThrow();
        gatewayPort = delayed(SandboxOptions.CENTRAL, gateway.port());
    }

    private int delayed(String hop, int port) {
        if (options.latencyOf(hop).isZero()) {
            return port;
        }
        return track(ports.bind(
                        hop + ".latency",
                        listen -> LatencyProxy.start(vertx, listen, port, options.latencyOf(hop)),
                        LatencyProxy::port))
                .port();
    }

    private void registerClusters() {
        for (SandboxCluster cluster : clusters.values()) {
            Map<String, String> annotations = new LinkedHashMap<>();
            switch (cluster.scenario()) {
                case DIRECT_WITH_CA -> {
                    annotations.put(Annotations.ENDPOINT, cluster.endpoint());
                    annotations.put(
                            Annotations.CA_DATA,
                            Base64.getEncoder()
                                    .encodeToString(cluster.agent()
                                            .caCertificatePem()
                                            .orElseThrow()
                                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                }
                case DIRECT_INSECURE -> {
                    annotations.put(Annotations.ENDPOINT, cluster.endpoint());
                    annotations.put(Annotations.INSECURE, "true");
                }
                case CENTRAL_ONLY -> {}
            }
            GenericKubernetesResource resource = new GenericKubernetesResource();
            resource.setApiVersion("management.loft.sh/v1");
            resource.setKind("Cluster");
            resource.setMetadata(new ObjectMetaBuilder()
                    .withName(cluster.name())
                    .withAnnotations(annotations)
                    .withLabels(Map.of("meridian.dev/sandbox", "true"))
                    .build());
            resource.setAdditionalProperty(
                    "spec",
                    Map.of(
                            "displayName",
                            displayName(cluster.name()),
                            "description",
                            "Sandbox cluster ("
                                    + cluster.scenario()
                                            .name()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', ' ') + ")",
                            "managementNamespace",
                            "vcluster-pro",
                            "config",
                            Map.of(
                                    "secretName",
                                    "cluster-" + cluster.name(),
                                    "secretNamespace",
                                    "loft",
                                    "key",
                                    "config")));
            storeKubeconfigSecret(cluster);
            resource.setAdditionalProperty("status", Map.of("phase", "Initialized"));
            // a Cluster kept from the last run keeps what happened to it since (an installed endpoint)
            createIfMissing(management
                    .client()
                    .genericKubernetesResources(FleetService.CLUSTERS)
                    .resource(resource));
        }
    }

    /** Seeds an object unless the simulated server kept it from the last run on this folder. */
    private static void createIfMissing(io.fabric8.kubernetes.client.dsl.Resource<?> resource) {
        if (resource.get() == null) {
            resource.create();
        }
    }

    /** The Secret the gateway reads to reach a cluster, as vCluster Platform keeps one per Cluster. */
    private void storeKubeconfigSecret(SandboxCluster cluster) {
        Config upstream = upstreamConfig(cluster.api());
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters: [{name: %1$s, cluster: {server: "%2$s", certificate-authority-data: %3$s}}]
                users: [{name: gateway, user: {token: %4$s}}]
                contexts: [{name: %1$s, context: {cluster: %1$s, user: gateway}}]
                current-context: %1$s
                """.formatted(
                cluster.name(), upstream.getMasterUrl().replaceAll("/$", ""), upstream.getCaCertData(), AGENT_TOKEN);
        management
                .client()
                .secrets()
                .inNamespace("loft")
                .resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                        .withNewMetadata()
                        .withName("cluster-" + cluster.name())
                        .withNamespace("loft")
                        .endMetadata()
                        .addToData(
                                "config",
                                Base64.getEncoder()
                                        .encodeToString(kubeconfig.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build())
                .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }

    private static String displayName(String name) {
        return switch (name) {
            case "eu-west" -> "Europe West";
            case "us-east" -> "US East";
            case "ap-south" -> "Asia Pacific South";
            default -> name;
        };
    }

    private void writeKubeconfig() throws IOException {
        String ca = Base64.getEncoder().encodeToString(gatewayCa.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: https://127.0.0.1:%2$d/kubernetes/management
                    certificate-authority-data: %3$s
                users:
                - name: %1$s
                  user:
                    token: %4$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                """.formatted(CONTEXT, gatewayPort, ca, ADMIN_TOKEN);
        Path file = kubeconfig();
        Path temp = Files.createTempFile(options.directory(), "kubeconfig", ".tmp");
        Files.writeString(temp, yaml);
        Files.move(
                temp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    public Path kubeconfig() {
        return options.kubeconfig();
    }

    public String gatewayUrl() {
        return "https://127.0.0.1:" + gatewayPort;
    }

    public List<SandboxCluster> clusters() {
        return new ArrayList<>(clusters.values());
    }

    /** The management plane's simulated API server, where the {@code Cluster} objects live. */
    public SimulatedApiServer management() {
        return management;
    }

    public SandboxCluster cluster(String name) {
        return clusters.get(name);
    }

    /** What Meridian installed on cluster {@code name} runs here: its agent and its ingress. */
    SimulatedInstalls installs(String name) {
        return installs.get(name);
    }

    /** What was started, for people; the front-end says how to reach it (where its context went). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Meridian sandbox is running (everything on 127.0.0.1).\n");
        text.append("  management plane  ")
                .append(gatewayUrl())
                .append("/kubernetes/management  (gateway")
                .append(latencyNote(SandboxOptions.CENTRAL))
                .append(")\n");
        for (SandboxCluster c : clusters.values()) {
            String route = switch (c.scenario()) {
                case DIRECT_WITH_CA -> "direct endpoint https://" + c.endpoint() + " with CA data";
                case DIRECT_INSECURE -> "direct endpoint https://" + c.endpoint() + ", insecure";
                case CENTRAL_ONLY -> "central route only";
            };
            text.append("  cluster ")
                    .append(String.format("%-9s", c.name()))
                    .append(" ")
                    .append(route)
                    .append(latencyNote(c.name()))
                    .append('\n');
        }
        text.append("Audit logs: ").append(options.directory().resolve("audit")).append('\n');
        return text.toString();
    }

    private String latencyNote(String hop) {
        return options.latencyOf(hop).isZero()
                ? ""
                : ", +" + options.latencyOf(hop).toMillis() + " ms each way";
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception ignored) {
                // keep stopping the rest; nothing useful can be done about one part failing to stop
            }
        }
    }
}
