package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContextSpecTest {
    private static final TlsSettings MGMT_TLS = new TlsSettings("bWdtdA==", null, false, "mgmt.internal");
    private static final ManagementAccess ACCESS = new ManagementAccess(
            "mgmt", "https://mgmt.example.com:8443/p/q", MGMT_TLS, null, new Credential.Token("t"), Path.of("/x"));

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of(
                        Named.of("direct, system trust", new DirectEndpoint("eu.example.com", false, null)),
                        null,
                        "meridian_eu",
                        "https://eu.example.com/kubernetes/cluster",
                        TlsSettings.systemTrust(),
                        Route.DIRECT),
                Arguments.of(
                        Named.of("direct with port, CA", new DirectEndpoint("10.1.2.3:31443", false, "Y2E=")),
                        "dev",
                        "meridian_dev_eu",
                        "https://10.1.2.3:31443/kubernetes/cluster",
                        TlsSettings.caData("Y2E="),
                        Route.DIRECT),
                Arguments.of(
                        Named.of("direct insecure drops CA", new DirectEndpoint("eu.example.com", true, "Y2E=")),
                        null,
                        "meridian_eu",
                        "https://eu.example.com/kubernetes/cluster",
                        TlsSettings.insecure(),
                        Route.DIRECT),
                Arguments.of(
                        Named.of("central", null),
                        "ops",
                        "meridian_ops_eu",
                        "https://mgmt.example.com:8443/kubernetes/cluster/eu",
                        MGMT_TLS,
                        Route.CENTRAL));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void buildsRouteNameAndTls(
            DirectEndpoint direct, String space, String name, String server, TlsSettings tls, Route route) {
        ContextSpec spec = ContextSpec.of("eu", direct, space, ACCESS);

        assertThat(spec.name()).isEqualTo(name);
        assertThat(spec.server()).isEqualTo(server);
        assertThat(spec.tls()).isEqualTo(tls);
        assertThat(spec.route()).isEqualTo(route);
        assertThat(Route.ofServer(spec.server())).isEqualTo(route);
        assertThat(spec.namespace()).isEqualTo(java.util.Optional.ofNullable(space));
        assertThat(spec.credential()).isEqualTo(ACCESS.credential());
    }

    @Test
    void contextNamesSplitBack() {
        assertThat(ContextNames.clusterOf("meridian_team-a_eu-1")).contains("eu-1");
        assertThat(ContextNames.spaceOf("meridian_team-a_eu-1")).contains("team-a");
        assertThat(ContextNames.clusterOf("meridian_eu-1")).contains("eu-1");
        assertThat(ContextNames.spaceOf("meridian_eu-1")).isEmpty();
        assertThat(ContextNames.isMeridian("prod")).isFalse();
    }

    @Test
    void rejectsNamesAndEndpointsThatWouldBreakTheScheme() {
        assertThatThrownBy(() -> ContextNames.forCluster("Bad_Name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirectEndpoint("https://x", false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirectEndpoint("x/path", false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
