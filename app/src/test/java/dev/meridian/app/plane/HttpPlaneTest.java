package dev.meridian.app.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.CentralGateway;
import dev.meridian.app.kubeconfig.Credential;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.kubeconfig.TlsSettings;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import dev.meridian.installer.manifest.PlaneManifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The light client reads the plane exactly as fabric8 does: the same clusters, the same gateway,
 * the same errors in the same words.
 */
class HttpPlaneTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    private MockManagementPlane mock;
    private FleetService fabric8;

    @BeforeEach
    void start() {
        mock = new MockManagementPlane();
        fabric8 = new FleetService(mock.client(), CLOCK);
        String ca = TestCertificates.base64Pem(TestCertificates.validCa("Test CA"));
        mock.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com:8443", Annotations.CA_DATA, ca));
        mock.addCluster("us-east", Map.of(Annotations.ENDPOINT, "us.example.com", Annotations.INSECURE, "true"));
        mock.addCluster("ap-south", Map.of());
        mock.addCluster("broken", Map.of(Annotations.ENDPOINT, "not a host"));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private ManagementAccess access(String token) {
        return new ManagementAccess(
                "management", mock.url(), TlsSettings.insecure(), null, new Credential.Token(token), null);
    }

    private HttpPlane plane() {
        return new HttpPlane(access("management-token"), Map.of(), CLOCK);
    }

    @Test
    void readsEveryClusterAsFabric8Does() {
        for (String name : List.of("eu-west", "us-east", "ap-south", "broken")) {
            assertThat(plane().cluster(name)).as(name).isEqualTo(fabric8.get(name));
        }
        ClusterInfo euWest = plane().cluster("eu-west");
        assertThat(euWest.isDirect()).isTrue();
        assertThat(euWest.labels()).containsEntry("region", "eu-west");
        assertThat(euWest.resourceVersion()).isNotEmpty();
    }

    @Test
    void listsTheClustersSortedAsFabric8Does() {
        List<ClusterInfo> clusters = plane().clusters();

        assertThat(clusters).isEqualTo(fabric8.list());
        assertThat(clusters).extracting(ClusterInfo::name).containsExactly("ap-south", "broken", "eu-west", "us-east");
    }

    @Test
    void aMissingClusterIsNotFoundInTheSameWords() {
        assertThatThrownBy(() -> plane().cluster("nope"))
                .isInstanceOf(MeridianException.NotFound.class)
                .hasMessage(messageOf(() -> fabric8.get("nope")));
    }

    @Test
    void readsTheGatewayRecordAsFabric8Does() {
        assertThat(plane().gateway()).isEmpty();
        mock.client()
                .configMaps()
                .inNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(PlaneManifests.GATEWAY_RECORD)
                        .endMetadata()
                        .withData(Map.of(PlaneManifests.GATEWAY_URL_KEY, "https://gateway.example.com:9443"))
                        .build())
                .create();

        Optional<CentralGateway> gateway = plane().gateway();

        assertThat(gateway).isEqualTo(CentralGateways.lookup(mock.client()));
        assertThat(gateway.orElseThrow().url()).isEqualTo("https://gateway.example.com:9443");
        assertThat(plane().gateways().resolve(access("t")).centralOrigin())
                .isEqualTo("https://gateway.example.com:9443");
    }

    @Test
    void aMalformedGatewayRecordIsAnError() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PlaneManifests.GATEWAY_URL_KEY, "http://plain.example.com");
        mock.client()
                .configMaps()
                .inNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(PlaneManifests.GATEWAY_RECORD)
                        .endMetadata()
                        .withData(data)
                        .build())
                .create();

        assertThatThrownBy(() -> plane().gateway())
                .isInstanceOf(MeridianException.InvalidInput.class)
                .hasMessageContaining("gateway record")
                .hasMessageContaining("https://host[:port]");
    }

    @Test
    void aRefusalSaysTheCredentialsWereRefused() {
        mock.server()
                .expect()
                .get()
                .withPath(HttpPlane.CLUSTERS)
                .andReturn(403, Map.of("kind", "Status", "code", 403, "message", "clusters is forbidden"))
                .always();

        assertThatThrownBy(() -> plane().clusters())
                .isInstanceOf(MeridianException.ManagementPlane.class)
                .hasMessage("Could not list clusters: the management plane refused the credentials (HTTP 403). "
                        + "Log in again or pick another context with --context.");
    }

    @Test
    void anotherErrorNamesTheStatusAndTheServersMessage() {
        mock.server()
                .expect()
                .get()
                .withPath(HttpPlane.CLUSTERS)
                .andReturn(500, Map.of("kind", "Status", "code", 500, "message", "etcd is down"))
                .always();

        assertThatThrownBy(() -> plane().clusters())
                .isInstanceOf(MeridianException.ManagementPlane.class)
                .hasMessage("Could not list clusters: the management plane answered HTTP 500 (etcd is down).");
    }

    @Test
    void aPlaneNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ManagementAccess nowhere = new ManagementAccess(
                "management",
                "https://127.0.0.1:" + port,
                TlsSettings.insecure(),
                null,
                new Credential.Token("t"),
                null);

        assertThatThrownBy(() -> new HttpPlane(nowhere, Map.of(), CLOCK).cluster("eu-west"))
                .isInstanceOf(MeridianException.ManagementPlane.class)
                .hasMessageStartingWith("Could not read cluster eu-west: the management plane is unreachable (")
                .hasMessageEndingWith("). Check the network and the server of the context.");
        assertThat(new HttpPlane(nowhere, Map.of(), CLOCK).gateway()).isEmpty();
    }

    @Test
    void carriesTokensButLeavesExecPluginsServerNamesAndHttpsProxiesToFabric8() {
        TlsSettings plain = TlsSettings.systemTrust();
        assertThat(KubeApi.carries(plain, null, new Credential.Token("t"))).isTrue();
        assertThat(KubeApi.carries(plain, "http://proxy:3128", new Credential.TokenFile("/t")))
                .isTrue();
        assertThat(KubeApi.carries(plain, "socks5://proxy:1080", new Credential.Token("t")))
                .isTrue();
        assertThat(KubeApi.carries(plain, null, new Credential.Exec(Map.of("command", "login"))))
                .isFalse();
        assertThat(KubeApi.carries(new TlsSettings(null, null, false, "api.internal"), null, new Credential.Token("t")))
                .isFalse();
        assertThat(KubeApi.carries(plain, "https://proxy:3128", new Credential.Token("t")))
                .isFalse();
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
