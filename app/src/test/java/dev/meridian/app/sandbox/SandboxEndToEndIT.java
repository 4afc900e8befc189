package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.cli.CliRun;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.testing.KubectlFirstCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox driven the way a user drives it: the CLI and the real kubectl, step by step. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxEndToEndIT {
    @TempDir
    static Path home;

    private Sandbox sandbox;
    private Kubectl kubectl;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        kubectl = new Kubectl(home, sandbox.kubeconfig());
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private CliRun meridian(String... args) {
        return CliRun.run(home, Map.of("KUBECONFIG", sandbox.kubeconfig().toString()), args);
    }

    @Test
    @Order(1)
    void listsTheSandboxClustersWithTheirRoutes() {
        CliRun list = meridian("cluster", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out())
                .containsPattern("eu-west\\s+Europe West\\s+Initialized\\s+Direct\\s+127\\.0\\.0\\.1:\\d+\\s+CA")
                .containsPattern("us-east\\s+US East\\s+Initialized\\s+Direct\\s+127\\.0\\.0\\.1:\\d+\\s+Insecure")
                .containsPattern("ap-south\\s+Asia Pacific South\\s+Initialized\\s+Central");
    }

    @Test
    @Order(2)
    void kubectlReachesTheClusterThroughItsDirectEndpoint() {
        CliRun use = meridian("cluster", "use", "eu-west");
        int port = sandbox.cluster("eu-west").endpointPort();
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(use.err())
                .contains(
                        "[info] Using direct cluster endpoint at https://127.0.0.1:" + port,
                        "[done] √ Successfully updated kube context to use cluster eu-west");

        Kubectl.Result get = kubectl.run("get", "ns", "-v", "6");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.err())
                .contains("GET https://127.0.0.1:" + port + "/kubernetes/cluster/api/v1/namespaces?limit=500 200 OK");
        assertThat(get.out()).contains("default", "kube-system");
    }

    @Test
    @Order(3)
    void aSpaceCreatedThroughTheEndpointIsUsable() {
        CliRun create = meridian("space", "create", "team-a", "--cluster", "eu-west");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.err())
                .contains("[done] √ Successfully updated kube context to use space team-a in cluster eu-west");
        assertThat(sandbox.cluster("eu-west")
                        .api()
                        .client()
                        .namespaces()
                        .withName("team-a")
                        .get())
                .isNotNull();

        Kubectl.Result configMaps = kubectl.run("get", "configmaps");
        assertThat(configMaps.exitCode()).as(configMaps.toString()).isZero();
        assertThat(configMaps.err()).contains("No resources found in team-a namespace");
    }

    @Test
    @Order(4)
    void kubectlFirstCommandsWorkThroughTheDirectEndpoint() {
        assertThat(meridian("cluster", "use", "eu-west").exitCode()).isZero();
        KubectlFirstCommands.run(kubectl, "direct-first");
    }

    @Test
    @Order(5)
    void clearingTheEndpointSwitchesToTheCentralRoute() {
        assertThat(meridian("endpoint", "clear", "eu-west").exitCode()).isZero();
        CliRun use = meridian("cluster", "use", "eu-west");
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(use.err()).doesNotContain("Using direct cluster endpoint");

        Kubectl.Result get = kubectl.run("get", "ns", "-v", "6");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.err())
                .contains("GET " + sandbox.gatewayUrl()
                        + "/kubernetes/cluster/eu-west/api/v1/namespaces?limit=500 200 OK");
        assertThat(get.out()).contains("team-a");

        KubectlFirstCommands.run(kubectl, "central-first");
    }

    @Test
    @Order(6)
    void everyProxiedRequestWasAudited() throws Exception {
        Path audit = home.resolve("sandbox/audit/eu-west.log");
        assertThat(Files.readAllLines(audit))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("\"kind\":\"Event\"", "sandbox-admin"));
    }

    @Test
    @Order(7)
    void probeReportsTheAgentsAndTheGatewayUp() {
        CliRun probe = meridian("probe", "--all");
        assertThat(probe.exitCode()).as(probe.toString()).isZero();
        assertThat(probe.out())
                .containsPattern("\\(central\\)\\s+Central\\s+UP")
                .containsPattern("us-east\\s+Direct\\s+UP")
                .containsPattern("eu-west\\s+Central\\s+UP");
    }

    @Test
    @Order(8)
    void trustOnFirstUseGivesAContextKubectlVerifies() {
        CliRun trust = meridian("endpoint", "trust", "us-east", "--yes");
        assertThat(trust.exitCode()).as(trust.toString()).isZero();
        assertThat(trust.out()).contains("Presented CA:", "SHA-256:");

        CliRun use = meridian("cluster", "use", "us-east");
        assertThat(use.exitCode()).as(use.toString()).isZero();
        Kubectl.Result view =
                kubectl.run("config", "view", "--minify", "--raw", "-o", "jsonpath={.clusters[0].cluster}");
        assertThat(view.out()).contains("certificate-authority-data").doesNotContain("insecure-skip-tls-verify");
        Kubectl.Result get = kubectl.run("get", "ns");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).contains("default");
    }

    @Test
    @Order(9)
    void aDeadEndpointMakesProbeExitWith5() {
        assertThat(meridian("endpoint", "set", "ap-south", "127.0.0.1:9", "--insecure")
                        .exitCode())
                .isZero();
        CliRun probe = meridian("probe", "ap-south");
        assertThat(probe.exitCode()).as(probe.toString()).isEqualTo(5);
        assertThat(probe.out()).containsPattern("ap-south\\s+Direct\\s+DOWN");
        assertThat(probe.err()).contains("Not every endpoint is up");
    }
}
