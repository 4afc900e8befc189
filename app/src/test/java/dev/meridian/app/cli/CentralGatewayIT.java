package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.auth.Review;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.AuditTarget;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.gateway.GatewayServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.app.sandbox.SimulatedApiServer;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.installer.apply.ClusterConnector;
import dev.meridian.installer.apply.ClusterConnector.ConnectSpec;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.ProgressListener;
import dev.meridian.installer.manifest.ConnectManifests;
import dev.meridian.installer.manifest.PlaneManifests;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain cluster as the management plane, with the central gateway it records: a cluster
 * registered with {@code cluster connect}'s objects and without a direct endpoint is reached
 * through the gateway, by a context the CLI writes, with the real kubectl.
 */
class CentralGatewayIT {
    private static final String USER_TOKEN = "alice-token";

    @TempDir
    Path home;

    private SimulatedApiServer management;
    private SimulatedApiServer connected;
    private RunningAgent gateway;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        management = new SimulatedApiServer();
        connected = new SimulatedApiServer();
        connected
                .client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("only-in-eu-west")
                        .endMetadata()
                        .build())
                .create();
        gateway = GatewayServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(-1)
                        .tls(new ServerTls.SelfSigned(home.resolve("gateway-tls"), List.of("127.0.0.1", "localhost")))
                        .upstream(ClusterSource.of(verified(management, "gateway-sa-token")))
                        .audit(new AuditTarget.File(home.resolve("audit.log"), 1_000_000, 1))
                        .shutdownGrace(Duration.ofSeconds(1))
                        .build(),
                Duration.ofMillis(300),
                InProcess.NONE.withTokenReviewer(token -> CompletableFuture.completedFuture(
                        USER_TOKEN.equals(token)
                                ? new Review.Authenticated(UserInfo.of("alice", "system:authenticated"))
                                : new Review.Rejected("unknown token"))));
        kubeconfig = home.resolve(".kube/config");
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: plane
                  cluster:
                    server: https://localhost:%d
                    insecure-skip-tls-verify: true
                users:
                - name: alice
                  user:
                    token: %s
                contexts:
                - name: plane
                  context:
                    cluster: plane
                    user: alice
                current-context: plane
                """.formatted(management.port(), USER_TOKEN));
    }

    @AfterEach
    void stop() {
        gateway.close();
        management.close();
        connected.close();
    }

    @Test
    void aConnectedClusterIsReachedThroughTheGatewayThePlaneRecords() {
        recordGateway();
        connect("eu-west");

        CliRun use = CliRun.withKubeconfig(home, kubeconfig, "cluster", "use", "eu-west");
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(use.err()).doesNotContain("Using direct cluster endpoint");

        String gatewayRoute = "https://127.0.0.1:" + gateway.port() + "/kubernetes/cluster/eu-west";
        Kubectl kubectl = new Kubectl(home, kubeconfig);
        Kubectl.Result view = kubectl.run(
                "config",
                "view",
                "--minify",
                "-o",
                "jsonpath={.clusters[0].cluster.server} {.clusters[0].cluster.insecure-skip-tls-verify}");
        assertThat(view.out())
                .as("the gateway's route, trusted by its recorded CA rather than skipped")
                .isEqualTo(gatewayRoute + " ");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Kubectl.Result ns = kubectl.run("get", "ns", "-v", "6");
            assertThat(ns.exitCode()).as(ns.toString()).isZero();
            assertThat(ns.err()).contains("GET " + gatewayRoute + "/api/v1/namespaces?limit=500 200 OK");
            assertThat(ns.out()).contains("only-in-eu-west");
        });

        CliRun probe = CliRun.withKubeconfig(home, kubeconfig, "--context", "plane", "probe", "eu-west");
        assertThat(probe.exitCode()).as(probe.toString()).isZero();
        assertThat(probe.out()).contains("127.0.0.1:" + gateway.port());
    }

    @Test
    void aClusterThePlaneReachesOnlyAtItsDirectEndpointIsReachedThroughTheGatewayAndItsAgent() throws Exception {
        String gatewayIdentity = ConnectManifests.gatewayUsername(PlaneManifests.DEFAULT_NAMESPACE);
        Path agentAudit = home.resolve("agent-audit.log");
        try (RunningAgent agent = dev.meridian.agent.server.AgentServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(-1)
                        .tls(new ServerTls.SelfSigned(home.resolve("agent-tls"), List.of("localhost")))
                        .upstream(ClusterSource.of(verified(connected, "agent-sa-token")))
                        .trustedProxies(java.util.Set.of(gatewayIdentity))
                        .audit(new AuditTarget.File(agentAudit, 1_000_000, 1))
                        .shutdownGrace(Duration.ofSeconds(1))
                        .build(),
                InProcess.NONE.withTokenReviewer(token -> CompletableFuture.completedFuture(
                        "gateway-sa-token".equals(token)
                                ? new Review.Authenticated(UserInfo.of(gatewayIdentity, "system:serviceaccounts"))
                                : new Review.Rejected("unknown token"))))) {
            recordGateway();
            String endpoint = "https://localhost:" + agent.port() + "/kubernetes/cluster";
            // What 'cluster connect eu-west --server <endpoint> --server-ca-file <agent CA>' does
            // (the CLI applies server-side, which the simulated API server lacks).
            connect(new ConnectSpec(
                    "eu-west",
                    null,
                    endpoint,
                    null,
                    b64(agent.caCertificatePem().orElseThrow())));

            CliRun use = CliRun.withKubeconfig(home, kubeconfig, "cluster", "use", "eu-west");
            assertThat(use.exitCode()).as(use.toString()).isZero();
            String gatewayRoute = "https://127.0.0.1:" + gateway.port() + "/kubernetes/cluster/eu-west";
            Kubectl kubectl = new Kubectl(home, kubeconfig);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Kubectl.Result ns = kubectl.run("get", "ns", "-v", "6");
                assertThat(ns.exitCode()).as(ns.toString()).isZero();
                assertThat(ns.err()).contains("GET " + gatewayRoute + "/api/v1/namespaces?limit=500 200 OK");
                assertThat(ns.out()).contains("only-in-eu-west");
            });
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(agentAudit)
                            .content()
                            .as("the agent audits the gateway as the caller and alice as the user it acted as")
                            .contains("\"username\":\"" + gatewayIdentity + "\"")
                            .contains("\"impersonatedUser\":{\"username\":\"alice\""));
        }
    }

    @Test
    void aServerCaWithoutAServerIsRefusedBeforeTouchingAnyCluster() throws Exception {
        Path ca = Files.writeString(home.resolve("ca.pem"), connected.certificatePem());
        CliRun run = CliRun.withKubeconfig(
                home,
                kubeconfig,
                "cluster",
                "connect",
                "eu-west",
                "--target-context",
                "plane",
                "--server-ca-file",
                ca.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("needs the server URL");
        assertThat(connected.client().serviceAccounts().inAnyNamespace().list().getItems())
                .noneMatch(sa -> sa.getMetadata().getName().equals("meridian-gateway"));
    }

    @Test
    void aServerCaWithAnExpiredCertificateIsRefusedAsEndpointSetRefusesIt() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        Path ca = Files.writeString(
                home.resolve("bundle.pem"),
                dev.meridian.app.testing.TestCertificates.pem(
                                dev.meridian.app.testing.TestCertificates.validCa("current"))
                        + dev.meridian.app.testing.TestCertificates.pem(
                                dev.meridian.app.testing.TestCertificates.selfSignedCa(
                                        "old", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))));
        CliRun run = CliRun.withKubeconfig(
                home,
                kubeconfig,
                "cluster",
                "connect",
                "eu-west",
                "--target-context",
                "plane",
                "--server",
                "https://agent.eu.example.com/kubernetes/cluster",
                "--server-ca-file",
                ca.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .contains("--server-ca-file " + ca)
                .contains("CN=old")
                .contains("expired");
        assertThat(connected.client().serviceAccounts().inAnyNamespace().list().getItems())
                .noneMatch(sa -> sa.getMetadata().getName().equals("meridian-gateway"));
    }

    @Test
    void withoutARecordTheCentralRouteIsTheManagementServersOrigin() {
        connect("eu-west");

        CliRun print = CliRun.withKubeconfig(home, kubeconfig, "cluster", "use", "eu-west", "--print");

        assertThat(print.exitCode()).as(print.toString()).isZero();
        assertThat(print.out())
                .contains("server: https://localhost:" + management.port() + "/kubernetes/cluster/eu-west");
    }

    @Test
    void aMalformedRecordIsAnErrorThatSaysHowToFixIt() {
        management
                .client()
                .configMaps()
                .inNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                .resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(PlaneManifests.GATEWAY_RECORD)
                        .withNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                        .endMetadata()
                        .addToData("url", "http://gateway.example.com/some/path")
                        .build())
                .create();
        management
                .client()
                .genericKubernetesResources(dev.meridian.app.fleet.FleetService.CLUSTERS)
                .resource(dev.meridian.installer.manifest.ConnectManifests.cluster("eu-west", null))
                .create();

        CliRun use = CliRun.withKubeconfig(home, kubeconfig, "cluster", "use", "eu-west");

        assertThat(use.exitCode()).isEqualTo(2);
        assertThat(use.err())
                .contains("gateway record (ConfigMap meridian-system/meridian-gateway) is invalid")
                .contains("https://host[:port]")
                .contains("plane install --gateway");
        assertThat(kubeconfig).content().doesNotContain("meridian_");
    }

    @Test
    void disconnectRemovesTheClusterFromThePlane() {
        connect("eu-west");

        CliRun run = CliRun.withKubeconfig(home, kubeconfig, "cluster", "disconnect", "eu-west");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("Cluster eu-west disconnected (2 objects removed)");
        CliRun list = CliRun.withKubeconfig(home, kubeconfig, "cluster", "list");
        assertThat(list.out()).doesNotContain("eu-west");
    }

    @Test
    void connectRefusesABadNameBeforeTouchingAnyCluster() {
        CliRun run =
                CliRun.withKubeconfig(home, kubeconfig, "cluster", "connect", "EU_West", "--target-context", "plane");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("'EU_West' is not a valid cluster name");
    }

    /** What {@code plane install --gateway} records once the gateway is rolled out. */
    private void recordGateway() {
        PlaneManifests.gatewayRecord(
                        "https://127.0.0.1:" + gateway.port(),
                        gateway.caCertificatePem().orElseThrow(),
                        false)
                .forEach(o -> management.client().resource(o).createOr(existing -> existing.update()));
    }

    /** {@code cluster connect}'s service, with the token controller played and create-or-replace for apply. */
    private void connect(String name) {
        connect(new ConnectSpec(name, null, "https://localhost:" + connected.port(), null));
    }

    private void connect(ConnectSpec spec) {
        ClusterConnector connector = new ClusterConnector(
                management.client(), new CreateOrReplaceApplier(management.client()), Duration.ofMillis(50));
        CompletableFuture<ClusterConnector.ConnectResult> done = CompletableFuture.supplyAsync(() -> connector.connect(
                        connected.client(),
                        new CreateOrReplaceApplier(connected.client()),
                        spec,
                        InstallOptions.defaults(),
                        ProgressListener.NONE))
                .orTimeout(30, TimeUnit.SECONDS);
        playTokenController();
        done.join();
    }

    /** Fills the gateway's token Secret in the connected cluster, as its token controller would. */
    private void playTokenController() {
        var token = connected
                .client()
                .secrets()
                .inNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                .withName("meridian-gateway-token");
        await().atMost(Duration.ofSeconds(30)).until(() -> token.get() != null);
        token.edit(s -> {
            s.setData(Map.of("token", b64("gateway-sa-token"), "ca.crt", b64(connected.certificatePem())));
            return s;
        });
    }

    private static Config verified(SimulatedApiServer api, String token) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + api.port())
                .withCaCertData(b64(api.certificatePem()))
                .withOauthToken(token)
                .build();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
