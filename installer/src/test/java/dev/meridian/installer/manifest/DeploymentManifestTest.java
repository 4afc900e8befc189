package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeploymentManifestTest {

    private final InstallSpec defaults =
            InstallSpec.builder("eu-west", "agent.eu.example.com").build();

    @Test
    void runsTwoReplicasOfThisVersionsImageAsNonRoot() {
        Deployment deployment = DeploymentManifest.build(defaults);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container agent = pod.getContainers().get(0);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(agent.getImage()).isEqualTo("meridian/agent:" + AgentVersion.current());
        assertThat(pod.getServiceAccountName()).isEqualTo("loft-agent");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isNotZero();
        assertThat(agent.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(agent.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(agent.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(agent.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes())
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    }

    @Test
    void boundsResourcesAndProbesHealthAndReadiness() {
        Container agent = DeploymentManifest.build(defaults)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(agent.getResources().getRequests()).containsOnlyKeys("cpu", "memory");
        assertThat(agent.getResources().getLimits())
                .containsEntry("cpu", new Quantity("1"))
                .containsEntry("memory", new Quantity("512Mi"));
        var liveness = agent.getLivenessProbe().getHttpGet();
        assertThat(liveness.getPath()).isEqualTo("/healthz");
        assertThat(liveness.getPort().getIntVal()).isEqualTo(8080);
        assertThat(liveness.getScheme()).isEqualTo("HTTP");
        var readiness = agent.getReadinessProbe().getHttpGet();
        assertThat(readiness.getPath()).isEqualTo("/readyz");
        assertThat(readiness.getPort().getIntVal()).isEqualTo(8081);
        assertThat(agent.getPorts())
                .extracting(p -> p.getName(), p -> p.getContainerPort())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("http", 8080),
                        org.assertj.core.groups.Tuple.tuple("admin", 8081));
    }

    @Test
    void givesThePodItsNamespaceThroughTheDownwardApi() {
        Container agent = DeploymentManifest.build(defaults)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(agent.getEnv())
                .filteredOn(env -> env.getName().equals("POD_NAMESPACE"))
                .singleElement()
                .satisfies(env -> assertThat(env.getValueFrom().getFieldRef().getFieldPath())
                        .isEqualTo("metadata.namespace"));
    }

    @Test
    void opensTheAdminPortBeyondLoopbackSoTheKubeletCanProbeReadiness() {
        Container agent = DeploymentManifest.build(defaults)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(agent.getEnv())
                .extracting(env -> env.getName(), env -> env.getValue())
                .withFailMessage(
                        "the agent binds its admin port to loopback by default; the readiness probe on 8081 "
                                + "needs MERIDIAN_ADMIN_BIND_ADDRESS=0.0.0.0, got %s",
                        agent.getEnv())
                .contains(org.assertj.core.groups.Tuple.tuple("MERIDIAN_ADMIN_BIND_ADDRESS", "0.0.0.0"));
        assertThat(agent.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(AgentNames.ADMIN_PORT);
    }

    @Test
    void spreadsPodsAcrossNodes() {
        Deployment deployment = DeploymentManifest.build(defaults);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();

        assertThat(pod.getTopologySpreadConstraints()).singleElement().satisfies(c -> {
            assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(c.getMaxSkew()).isEqualTo(1);
            assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(AgentNames.selector());
        });
        assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .singleElement()
                .satisfies(
                        t -> assertThat(t.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(AgentNames.selector());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(AgentNames.selector());
    }

    @Test
    void recordsHostAndExposureForStatus() {
        assertThat(DeploymentManifest.build(defaults).getMetadata().getAnnotations())
                .containsOnly(
                        entry("meridian.dev/cluster", "eu-west"),
                        entry("meridian.dev/host", "agent.eu.example.com"),
                        entry("meridian.dev/exposure", "INGRESS"));
    }

    static final String GATEWAY_TRUST = "--trusted-proxy=system:serviceaccount:meridian-system:meridian-gateway";

    static Stream<Arguments> argsByExposureAndAuthority() {
        return Stream.of(
                Arguments.of(
                        "ingress, local",
                        Exposure.INGRESS,
                        Authority.local(),
                        List.of("--port=8080", "--admin-port=8081", GATEWAY_TRUST),
                        "HTTP"),
                Arguments.of(
                        "load balancer serves TLS itself",
                        Exposure.LOADBALANCER,
                        Authority.local(),
                        List.of("--port=8080", "--admin-port=8081", GATEWAY_TRUST, "--self-signed"),
                        "HTTPS"),
                Arguments.of(
                        "node port serves TLS itself",
                        Exposure.NODEPORT,
                        Authority.local(),
                        List.of("--port=8080", "--admin-port=8081", GATEWAY_TRUST, "--self-signed"),
                        "HTTPS"),
                Arguments.of(
                        "management plane reviews tokens",
                        Exposure.INGRESS,
                        Authority.managementPlane("k"),
                        List.of(
                                "--port=8080",
                                "--admin-port=8081",
                                GATEWAY_TRUST,
                                "--authority-kubeconfig=/etc/meridian/authority/kubeconfig"),
                        "HTTP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("argsByExposureAndAuthority")
    void argumentsFollowExposureAndAuthority(
            String name, Exposure exposure, Authority authority, List<String> args, String livenessScheme) {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .exposure(exposure)
                .authority(authority)
                .build();

        Container agent = DeploymentManifest.build(spec)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(agent.getArgs()).containsExactlyElementsOf(args);
        assertThat(agent.getLivenessProbe().getHttpGet().getScheme()).isEqualTo(livenessScheme);
        boolean mounted = agent.getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/etc/meridian/authority") && m.getReadOnly());
        assertThat(mounted).isEqualTo(authority instanceof Authority.ManagementPlane);
    }
}
