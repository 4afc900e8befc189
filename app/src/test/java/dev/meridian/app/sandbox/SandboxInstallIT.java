package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.cli.CliRun;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.installer.manifest.AgentNames;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-click install on the sandbox, from the CLI with no flags but the cluster: the agent
 * is installed on the central-only cluster through the real installer (server-side apply on the
 * simulated server), comes up behind its Ingress, the context switches to the new direct
 * endpoint and kubectl uses it; uninstall takes it all away again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxInstallIT {
    private static final String CLUSTER = "ap-south";

    @TempDir
    static Path home;

    private Sandbox sandbox;
    private Kubectl kubectl;
    private int endpointPort;
    private Path userKubeconfig;

    @BeforeAll
    void start() throws java.io.IOException {
        sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        // the user's kubeconfig, as the app and 'meridian sandbox' set it up: the sandbox rewrites
        // only its own file on a restart, never this one
        userKubeconfig = home.resolve("user-kubeconfig");
        java.nio.file.Files.copy(sandbox.kubeconfig(), userKubeconfig);
        kubectl = new Kubectl(home, userKubeconfig);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private CliRun meridian(String... args) {
        return CliRun.run(home, Map.of("KUBECONFIG", userKubeconfig.toString()), args);
    }

    @Test
    @Order(1)
    void installOnACentralOnlyClusterRunsToHealthUp() {
        CliRun install = meridian("agent", "install", "--cluster", CLUSTER);
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.err()).contains("Endpoint health: UP");

        String endpoint = annotations().get(Annotations.ENDPOINT);
        Matcher hostPort = Pattern.compile("localhost:(\\d+)").matcher(String.valueOf(endpoint));
        assertThat(hostPort.matches()).as("endpoint annotation " + endpoint).isTrue();
        endpointPort = Integer.parseInt(hostPort.group(1));
        assertThat(annotations()).containsKey(Annotations.CA_DATA);
    }

    @Test
    @Order(2)
    void clusterUseSwitchesToTheNewEndpointAndKubectlUsesIt() {
        CliRun use = meridian("cluster", "use", CLUSTER);
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(use.err()).contains("[info] Using direct cluster endpoint at https://localhost:" + endpointPort);

        Kubectl.Result get = kubectl.run("get", "ns", "-v", "6");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.err())
                .contains("GET https://localhost:" + endpointPort
                        + "/kubernetes/cluster/api/v1/namespaces?limit=500 200 OK");
        assertThat(get.out()).contains("vcluster-pro");
    }

    @Test
    @Order(3)
    void afterARestartOnTheSameFolderTheInstalledEndpointAndItsContextWorkAgain() {
        sandbox.close();
        sandbox = Sandbox.start(new SandboxOptions(home.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));

        assertThat(annotations()).containsEntry(Annotations.ENDPOINT, "localhost:" + endpointPort);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Kubectl.Result get = kubectl.run("get", "ns", "-v", "6");
            assertThat(get.exitCode()).as(get.toString()).isZero();
            assertThat(get.err())
                    .contains("GET https://localhost:" + endpointPort
                            + "/kubernetes/cluster/api/v1/namespaces?limit=500 200 OK");
        });
    }

    @Test
    @Order(4)
    void uninstallRemovesTheObjectsStopsTheAgentAndClearsTheAnnotations() {
        CliRun uninstall = meridian("agent", "uninstall", "--cluster", CLUSTER);
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();

        var cluster = sandbox.cluster(CLUSTER).api().client();
        assertThat(cluster.apps()
                        .deployments()
                        .inAnyNamespace()
                        .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(cluster.network().v1().ingresses().inAnyNamespace().list().getItems())
                .isEmpty();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThatThrownBy(() -> new Socket("127.0.0.1", endpointPort).close())
                        .isInstanceOf(java.net.ConnectException.class));
        assertThat(annotations()).doesNotContainKeys(Annotations.ENDPOINT, Annotations.CA_DATA);
    }

    private Map<String, String> annotations() {
        Map<String, String> annotations = sandbox.management()
                .client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName(CLUSTER)
                .get()
                .getMetadata()
                .getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
