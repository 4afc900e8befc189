package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import dev.meridian.agent.testing.FakeAuthority;
import dev.meridian.agent.testing.RawHttp;
import dev.meridian.agent.testing.RecordingAuditSink;
import dev.meridian.agent.upstream.ClusterEndpoint;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine with the gateway's routing table: one management route and one route per cluster. */
class GatewayRoutesTest {
    static EchoUpstream management;
    static EchoUpstream clusterA;
    static EchoUpstream clusterB;
    static FakeAuthority authority;
    static RunningAgent gateway;
    static final AtomicReference<GatewayRoutes> routes = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        management = new EchoUpstream();
        clusterA = new EchoUpstream();
        clusterB = new EchoUpstream();
        authority = new FakeAuthority().allow(ALICE_TOKEN, AgentHarness.ALICE);
        gateway = AgentServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(-1)
                        .upstream(ClusterSource.of(management.config()))
                        .authority(ClusterSource.of(authority.config()))
                        .shutdownGrace(Duration.ofSeconds(2))
                        .build(),
                InProcess.NONE.withAuditSink(new RecordingAuditSink()),
                factory -> {
                    GatewayRoutes table = new GatewayRoutes(factory.create(
                            "management", ClusterEndpoint.resolve(ClusterSource.of(management.config()))));
                    table.putCluster(
                            "a", factory.create("a", ClusterEndpoint.resolve(ClusterSource.of(clusterA.config()))));
                    table.putCluster(
                            "b", factory.create("b", ClusterEndpoint.resolve(ClusterSource.of(clusterB.config()))));
                    routes.set(table);
                    return table;
                });
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        management.close();
        clusterA.close();
        clusterB.close();
        authority.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "/kubernetes/cluster/a/api/v1/namespaces?limit=500, a,          /api/v1/namespaces?limit=500",
        "/kubernetes/cluster/b/api/v1/namespaces?limit=500, b,          /api/v1/namespaces?limit=500",
        "/kubernetes/management/apis/management.loft.sh/v1/clusters, management, /apis/management.loft.sh/v1/clusters",
        "/kubernetes/cluster/a,                             a,          /",
    })
    void eachRouteReachesOnlyItsUpstreamWithImpersonation(String path, String target, String upstreamUri)
            throws Exception {
        int a = clusterA.seen().size();
        int b = clusterB.seen().size();
        int m = management.seen().size();
        assertThat(status(path)).isEqualTo(200);
        EchoUpstream expected = switch (target) {
            case "a" -> clusterA;
            case "b" -> clusterB;
            default -> management;
        };
        assertThat(expected.last().uri()).isEqualTo(upstreamUri);
        assertThat(expected.last().headers().get("Impersonate-User")).isEqualTo("alice");
        assertThat(expected.last().headers().get("Authorization")).isEqualTo("Bearer " + EchoUpstream.AGENT_TOKEN);
        assertThat(clusterA.seen().size()
                        + clusterB.seen().size()
                        + management.seen().size())
                .isEqualTo(a + b + m + 1);
    }

    @ParameterizedTest(name = "{0} -> 404")
    @CsvSource({
        "/kubernetes/cluster/unknown/api",
        "/kubernetes/cluster/",
        "/kubernetes/cluster/a%2F..%2Fb/api",
        "/kubernetes/clusters/a/api",
        "/kubernetes/managementx/api",
    })
    void unknownClustersAndEscapesAreNotFound(String path) throws Exception {
        int before = clusterA.seen().size()
                + clusterB.seen().size()
                + management.seen().size();
        assertThat(status(path)).isEqualTo(404);
        assertThat(clusterA.seen().size()
                        + clusterB.seen().size()
                        + management.seen().size())
                .isEqualTo(before);
    }

    @Test
    void aRemovedClusterIsNoLongerRouted() throws Exception {
        routes.get()
                .putCluster(
                        "temp",
                        routes.get()
                                .resolve("/kubernetes/cluster/a")
                                .orElseThrow()
                                .upstream());
        assertThat(status("/kubernetes/cluster/temp/api")).isEqualTo(200);
        assertThat(routes.get().removeCluster("temp")).isPresent();
        assertThat(status("/kubernetes/cluster/temp/api")).isEqualTo(404);
    }

    private static int status(String path) throws Exception {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            return RawHttp.status(raw.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                            + ALICE_TOKEN + "\r\nConnection: close\r\n\r\n")
                    .readHead());
        }
    }
}
