package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.testing.MockManagementPlane;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent and plane commands; the full install flow is tested in the installer module. */
class AgentCommandsTest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @TempDir
    Path home;

    private MockManagementPlane plane;
    private MockManagementPlane target;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        plane = new MockManagementPlane();
        target = new MockManagementPlane();
        kubeconfig = plane.writeKubeconfig(home.resolve("config"), Map.of("eu-west-admin", target.url()));
    }

    @AfterEach
    void stop() {
        plane.close();
        target.close();
    }

    private CliRun meridian(String... args) {
        return CliRun.withKubeconfig(home, kubeconfig, args);
    }

    @Test
    void dryRunPrintsExactlyTheObjectsToApply() {
        CliRun run = meridian(
                "agent",
                "install",
                "--cluster",
                "eu-west",
                "--host",
                "eu.example.com",
                "--dry-run",
                "-o",
                "yaml",
                "--cluster-issuer",
                "letsencrypt");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<HasMetadata> objects = java.util.Arrays.stream(run.out().split("(?m)^---\\s*$"))
                .filter(doc -> !doc.isBlank())
                .map(doc -> (HasMetadata) SERIALIZATION.unmarshal(doc))
                .toList();
        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .contains("Namespace", "ServiceAccount", "ClusterRole", "Deployment", "Service", "Ingress");
        assertThat(objects)
                .filteredOn(o -> o.getKind().equals("Service"))
                .anySatisfy(s -> assertThat(s.getMetadata().getName()).isEqualTo("loft-agent"));
        Ingress ingress = (Ingress)
                objects.stream().filter(o -> o instanceof Ingress).findFirst().orElseThrow();
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "43200")
                .containsEntry("nginx.org/websocket-services", "loft-agent")
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(run.err()).isEmpty();
        assertThat(target.getRequestCount()).isZero();
    }

    @Test
    void installNeedsTheTargetContext() {
        CliRun run = meridian("agent", "install", "--cluster", "eu-west", "--host", "eu.example.com");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--target-context");
    }

    @Test
    void aBadHostIsRefusedBeforeAnythingIsApplied() {
        CliRun run = meridian(
                "agent",
                "install",
                "--cluster",
                "eu-west",
                "--host",
                "https://eu.example.com/x",
                "--target-context",
                "eu-west-admin");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(target.getRequestCount()).isZero();
    }

    @Test
    void aRefusedApplyStopsWithAPreciseErrorAndLeavesTheEndpointAlone() {
        plane.addCluster("eu-west", Map.of());
        CliRun run = meridian(
                "agent",
                "install",
                "--cluster",
                "eu-west",
                "--host",
                "eu.example.com",
                "--target-context",
                "eu-west-admin",
                "--timeout",
                "10s");
        assertThat(run.exitCode())
                .as("the cluster answered and refused: not 4, plane unreachable")
                .isEqualTo(2);
        assertThat(run.err()).contains("[error]", "Namespace").doesNotContain("\tat ");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations()).doesNotContainKey(Annotations.ENDPOINT);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        403,
                        "Forbidden",
                        "namespaces \"vcluster-pro\" is forbidden: User \"alice\" cannot patch resource"
                                + " \"namespaces\" in API group \"\" at the cluster scope",
                        "[error] The cluster refused to apply Namespace vcluster-pro: namespaces \"vcluster-pro\" is"
                                + " forbidden: User \"alice\" cannot patch resource \"namespaces\" in API group \"\" at"
                                + " the cluster scope (403); ask for the rights to create and patch Namespace objects"
                                + " cluster-wide, or use a kube context that has them."),
                Arguments.of(
                        415,
                        "UnsupportedMediaType",
                        "Meridian sandbox limit: the simulated API server has no server-side apply",
                        "[error] The cluster refused to apply Namespace vcluster-pro: Meridian sandbox limit: the"
                                + " simulated API server has no server-side apply (415); its API server does not accept"
                                + " server-side apply, which the installer uses; install into a cluster that does"
                                + " (Kubernetes 1.22 or later)."),
                Arguments.of(
                        422,
                        "Invalid",
                        "Namespace \"vcluster-pro\" is invalid: metadata.labels: Invalid value: \"meridian\"",
                        "[error] The cluster refused to apply Namespace vcluster-pro: Namespace \"vcluster-pro\" is"
                                + " invalid: metadata.labels: Invalid value: \"meridian\" (422); the cluster finds the"
                                + " object invalid; correct the install option it comes from and run the install"
                                + " again."));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("refusals")
    void anInstallTheClusterRefusesExitsAsInvalidWithOneSentence(
            int code, String reason, String serverMessage, String expected) {
        plane.addCluster("eu-west", Map.of());
        target.server()
                .expect()
                .patch()
                .withPath("/api/v1/namespaces/vcluster-pro?fieldManager=meridian&force=true")
                .andReturn(
                        code,
                        new StatusBuilder()
                                .withStatus("Failure")
                                .withCode(code)
                                .withReason(reason)
                                .withMessage(serverMessage)
                                .build())
                .always();

        CliRun run = meridian(
                "agent",
                "install",
                "--cluster",
                "eu-west",
                "--host",
                "eu.example.com",
                "--target-context",
                "eu-west-admin",
                "--timeout",
                "10s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.startsWith("[error]")))
                .as(run.toString())
                .containsExactly(expected);
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations()).doesNotContainKey(Annotations.ENDPOINT);
    }

    @Test
    void statusAndUninstallOfANotInstalledAgent() {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", "keep", "me"));
        CliRun status = meridian("agent", "status", "--cluster", "eu-west", "--target-context", "eu-west-admin");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("not installed in namespace vcluster-pro");

        CliRun uninstall = meridian("agent", "uninstall", "--cluster", "eu-west", "--target-context", "eu-west-admin");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        // Not "Agent removed": nothing was there to remove; the endpoint a half-done uninstall left is cleared.
        assertThat(uninstall.err())
                .contains("[info] No agent objects in namespace vcluster-pro of cluster eu-west: nothing was deleted")
                .doesNotContain("Agent removed");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations()).containsOnlyKeys("keep");

        CliRun again = meridian("agent", "uninstall", "--cluster", "eu-west", "--target-context", "eu-west-admin");
        assertThat(again.err())
                .isEqualTo("[info] Nothing to remove: no agent objects in namespace vcluster-pro of cluster eu-west, "
                        + "and no direct endpoint.\n");
    }

    @Test
    void planeInstallDryRunPrintsTheClusterCrd() {
        CliRun run = meridian("plane", "install", "--dry-run");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("kind: CustomResourceDefinition", "name: clusters.management.loft.sh", "scope: Cluster");
    }

    @Test
    void planeInstallWithTheGatewayPrintsTheGatewayWithTheAgentsExposureOptions() {
        CliRun run = meridian(
                "plane",
                "install",
                "--gateway",
                "--host",
                "gateway.example.com",
                "--cluster-issuer",
                "letsencrypt",
                "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<HasMetadata> objects = java.util.Arrays.stream(run.out().split("(?m)^---\\s*$"))
                .filter(doc -> !doc.isBlank())
                .map(doc -> (HasMetadata) SERIALIZATION.unmarshal(doc))
                .toList();
        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .startsWith("CustomResourceDefinition")
                .contains("Deployment", "Service", "Ingress");
        io.fabric8.kubernetes.api.model.apps.Deployment deployment =
                (io.fabric8.kubernetes.api.model.apps.Deployment) objects.stream()
                        .filter(o -> o.getKind().equals("Deployment"))
                        .findFirst()
                        .orElseThrow();
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("meridian-system");
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .contains("--mode=gateway");
        Ingress ingress = (Ingress)
                objects.stream().filter(o -> o instanceof Ingress).findFirst().orElseThrow();
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("gateway.example.com");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    }

    @Test
    void planeInstallRefusesAHostWithoutTheGatewayAndTheGatewayWithoutAHost() {
        CliRun hostOnly = meridian("plane", "install", "--host", "gateway.example.com", "--dry-run");
        assertThat(hostOnly.exitCode()).isEqualTo(2);
        assertThat(hostOnly.err()).contains("add --gateway");

        CliRun gatewayOnly = meridian("plane", "install", "--gateway", "--dry-run");
        assertThat(gatewayOnly.exitCode()).isEqualTo(2);
        assertThat(gatewayOnly.err()).contains("Pass --host");
        assertThat(plane.getRequestCount()).isZero();
    }
}
