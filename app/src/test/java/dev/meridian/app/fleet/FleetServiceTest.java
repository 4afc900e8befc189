package dev.meridian.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetServiceTest {
    private MockManagementPlane plane;
    private FleetService fleet;

    @BeforeEach
    void start() {
        plane = new MockManagementPlane();
        fleet = new FleetService(plane.client(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    @Test
    void listsClustersWithSpecStatusAndEndpoint() {
        plane.addCluster("us-east", Map.of());
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));

        List<ClusterInfo> clusters = fleet.list();

        assertThat(clusters).extracting(ClusterInfo::name).containsExactly("eu-west", "us-east");
        ClusterInfo eu = clusters.get(0);
        assertThat(eu.displayName()).isEqualTo("Cluster eu-west");
        assertThat(eu.description()).isEqualTo("Test cluster eu-west");
        assertThat(eu.labels()).containsEntry("region", "eu-west");
        assertThat(eu.isHealthy()).isTrue();
        assertThat(eu.endpoint())
                .isInstanceOfSatisfying(
                        EndpointState.On.class,
                        on -> assertThat(on.tlsMode()).isEqualTo(EndpointState.TlsMode.INSECURE));
        assertThat(clusters.get(1).endpoint()).isInstanceOf(EndpointState.Off.class);
    }

    @Test
    void listsAThousandClusters() {
        IntStream.range(0, 1000)
                .forEach(i -> plane.addCluster(
                        String.format("c-%04d", i),
                        i % 2 == 0 ? Map.of(Annotations.ENDPOINT, "c" + i + ".example.com") : Map.of()));

        List<ClusterInfo> clusters = fleet.list();

        assertThat(clusters).hasSize(1000);
        assertThat(clusters.get(999).name()).isEqualTo("c-0999");
        assertThat(clusters.stream().filter(ClusterInfo::isDirect)).hasSize(500);
    }

    @Test
    void anInitializedClusterWithAReasonIsNotHealthy() {
        GenericKubernetesResource cluster = MockManagementPlane.cluster("sick", Map.of());
        cluster.setAdditionalProperty("status", Map.of("phase", "Initialized", "reason", "AgentNotReady"));
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .resource(cluster)
                .create();

        assertThat(fleet.get("sick").isHealthy()).isFalse();
    }

    @Test
    void hostileStoredValuesNeverBreakTheListing() {
        plane.addCluster("bad-base64", Map.of(Annotations.ENDPOINT, "a.example.com", Annotations.CA_DATA, "!!!"));
        plane.addCluster("huge", Map.of(Annotations.ENDPOINT, "x".repeat(1024 * 1024)));
        GenericKubernetesResource noSpec = MockManagementPlane.cluster("no-spec", Map.of());
        noSpec.getAdditionalProperties().remove("spec");
        noSpec.getAdditionalProperties().remove("status");
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .resource(noSpec)
                .create();

        List<ClusterInfo> clusters = fleet.list();

        assertThat(clusters).extracting(ClusterInfo::name).containsExactly("bad-base64", "huge", "no-spec");
        assertThat(clusters.get(0).endpoint()).isInstanceOf(EndpointState.Invalid.class);
        assertThat(clusters.get(1).endpoint()).isInstanceOf(EndpointState.Invalid.class);
        assertThat(clusters.get(2).displayName()).isEmpty();
        assertThat(clusters.get(2).phaseLabel()).isEqualTo("Initializing");
    }

    @Test
    void setTouchesOnlyEndpointAnnotationsAndKeepsEverythingElse() {
        plane.addCluster("eu-west", Map.of("team", "platform", Annotations.INSECURE, "true"));
        String ca = TestCertificates.base64Pem(TestCertificates.validCa("eu-ca"));

        EditResult result = fleet.setEndpoint(
                "eu-west", EndpointChange.of("https://eu.example.com:8443/x", false, ca, null, Instant.now()), null);

        assertThat(result.notices()).singleElement().asString().contains("Normalised");
        GenericKubernetesResource stored = plane.read("eu-west");
        assertThat(stored.getMetadata().getAnnotations())
                .containsEntry("team", "platform")
                .containsEntry(Annotations.ENDPOINT, "eu.example.com:8443")
                .containsEntry(Annotations.CA_DATA, ca)
                .doesNotContainKey(Annotations.INSECURE);
        assertThat(stored.<String>get("spec", "config", "secretName")).isEqualTo("cluster-eu-west");
        assertThat(stored.<String>get("spec", "managementNamespace")).isEqualTo("vcluster-pro");
    }

    @Test
    void clearRemovesTheEndpointAndKeepsOtherAnnotations() {
        plane.addCluster(
                "eu-west",
                Map.of(
                        "team",
                        "platform",
                        Annotations.ENDPOINT,
                        "eu.example.com",
                        Annotations.INSECURE,
                        "true",
                        Annotations.CA_DATA,
                        "abc"));

        fleet.clearEndpoint("eu-west", null);

        assertThat(plane.read("eu-west").getMetadata().getAnnotations()).containsOnlyKeys("team");
        assertThat(fleet.get("eu-west").endpoint()).isInstanceOf(EndpointState.Off.class);
    }

    @Test
    void aChangeBetweenReadAndWriteIsReportedAndTheOtherWriterKept() {
        plane.addCluster("eu-west", Map.of());
        String readAt = fleet.get("eu-west").resourceVersion();
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName("eu-west")
                .edit(c -> {
                    c.getMetadata().getAnnotations().put(Annotations.ENDPOINT, "theirs.example.com");
                    c.getMetadata().getAnnotations().put("owner", "someone-else");
                    return c;
                });

        assertThatThrownBy(() -> fleet.setEndpoint(
                        "eu-west", EndpointChange.of("mine.example.com", false, null, null, Instant.now()), readAt))
                .isInstanceOf(MeridianException.Conflict.class)
                .hasMessageContaining("changed by someone else")
                .hasMessageContaining("theirs.example.com");

        assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                .containsEntry(Annotations.ENDPOINT, "theirs.example.com")
                .containsEntry("owner", "someone-else");
    }

    @Test
    void editingAMissingClusterSaysSo() {
        assertThatThrownBy(() -> fleet.clearEndpoint("nope", null))
                .isInstanceOf(MeridianException.NotFound.class)
                .hasMessageContaining("'nope' does not exist");
    }

    @Test
    @SuppressWarnings("try") // the watch only has to stay open while the test asserts
    void watchSeesClustersAddedChangedAndRemoved() throws Exception {
        plane.addCluster("existing", Map.of());
        List<FleetEvent> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable watch = fleet.watch(events::add)) {
            await().untilAsserted(() -> assertThat(events).contains(new FleetEvent.Added(fleet.get("existing"))));

            plane.addCluster("new", Map.of());
            await().untilAsserted(() -> assertThat(events)
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    FleetEvent.Added.class,
                                    a -> assertThat(a.cluster().name()).isEqualTo("new"))));

            fleet.setEndpoint("new", EndpointChange.of("new.example.com", true, null, null, Instant.now()), null);
            await().untilAsserted(() -> assertThat(events)
                    .anySatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    FleetEvent.Modified.class,
                                    m -> assertThat(m.cluster().isDirect()).isTrue())));

            plane.client()
                    .genericKubernetesResources(FleetService.CLUSTERS)
                    .withName("new")
                    .delete();
            await().untilAsserted(() -> assertThat(events).contains(new FleetEvent.Removed("new")));
        }
    }
}
