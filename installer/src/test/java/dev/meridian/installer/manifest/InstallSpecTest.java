package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstallSpecTest {

    @Test
    void fillsEveryDefault() {
        InstallSpec spec =
                InstallSpec.builder("eu-west", "agent.eu.example.com").build();

        assertThat(spec.namespace()).isEqualTo("vcluster-pro");
        assertThat(spec.exposure()).isEqualTo(Exposure.INGRESS);
        assertThat(spec.ingressClass()).isEqualTo("nginx");
        assertThat(spec.tlsSecret()).isEqualTo("loft-agent-tls");
        assertThat(spec.clusterIssuer()).isNull();
        assertThat(spec.hasClusterIssuer()).isFalse();
        assertThat(spec.image()).isEqualTo("meridian/agent:" + AgentVersion.current());
        assertThat(spec.replicas()).isEqualTo(2);
        assertThat(spec.authority()).isEqualTo(Authority.local());
    }

    @Test
    void versionComesFromTheFilteredBuildResource() {
        assertThat(AgentVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of(
                        "URL instead of host",
                        "eu",
                        "https://agent.example.com",
                        Exposure.INGRESS,
                        "vcluster-pro",
                        2,
                        "host"),
                Arguments.of(
                        "host with port", "eu", "agent.example.com:443", Exposure.INGRESS, "vcluster-pro", 2, "host"),
                Arguments.of(
                        "host with path", "eu", "agent.example.com/x", Exposure.INGRESS, "vcluster-pro", 2, "host"),
                Arguments.of("upper-case host", "eu", "Agent.Example.com", Exposure.INGRESS, "vcluster-pro", 2, "host"),
                Arguments.of("host with space", "eu", "agent example.com", Exposure.INGRESS, "vcluster-pro", 2, "host"),
                Arguments.of("blank host", "eu", " ", Exposure.INGRESS, "vcluster-pro", 2, "host"),
                Arguments.of("IP behind an Ingress", "eu", "10.0.0.1", Exposure.INGRESS, "vcluster-pro", 2, "host"),
                Arguments.of(
                        "namespace too long", "eu", "a.example.com", Exposure.INGRESS, "n".repeat(64), 2, "namespace"),
                Arguments.of("namespace with dot", "eu", "a.example.com", Exposure.INGRESS, "a.b", 2, "namespace"),
                Arguments.of(
                        "cluster name with underscore",
                        "eu_west",
                        "a.example.com",
                        Exposure.INGRESS,
                        "vcluster-pro",
                        2,
                        "cluster name"),
                Arguments.of("no replicas", "eu", "a.example.com", Exposure.INGRESS, "vcluster-pro", 0, "replicas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void rejectsBadInputNamingTheField(
            String name, String cluster, String host, Exposure exposure, String namespace, int replicas, String field) {
        assertThatThrownBy(() -> InstallSpec.builder(cluster, host)
                        .exposure(exposure)
                        .namespace(namespace)
                        .replicas(replicas)
                        .build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("invalid " + field + " ")
                .extracting(e -> ((InvalidSpecException) e).field())
                .isEqualTo(field);
    }

    @Test
    void acceptsAnIpAddressWhenTheAgentIsExposedDirectly() {
        InstallSpec spec = InstallSpec.builder("eu", "192.0.2.10")
                .exposure(Exposure.LOADBALANCER)
                .build();

        assertThat(spec.host()).isEqualTo("192.0.2.10");
    }
}
