package dev.meridian.app.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.fleet.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batching and filtering rules, without a window: lists and properties work off the FX thread. */
class FleetViewModelTest {
    private final List<String> failures = new ArrayList<>();
    private final FleetViewModel model = new FleetViewModel(failures::add);

    private static ClusterInfo cluster(String name, String version, boolean direct, String phase) {
        EndpointState endpoint = direct
                ? new EndpointState.On(
                        HostPort.parse(name + ".example.com"), false, java.util.Optional.empty(), List.of())
                : new EndpointState.Off();
        return new ClusterInfo(name, "", "", Map.of("region", name), phase, "", "", version, endpoint);
    }

    @Test
    void onlyTheLastStateOfEachClusterInABatchCounts() {
        model.apply(List.of(
                new FleetEvent.Added(cluster("a", "1", false, "Initialized")),
                new FleetEvent.Added(cluster("b", "1", false, "Initialized")),
                new FleetEvent.Modified(cluster("a", "2", true, "Initialized")),
                new FleetEvent.Removed("b"),
                new FleetEvent.Added(cluster("c", "1", false, "Failed"))));

        assertThat(model.rows()).extracting(ClusterRow::name).containsExactly("a", "c");
        assertThat(model.row("a").info().resourceVersion()).isEqualTo("2");
        assertThat(model.totalProperty().get()).isEqualTo(2);
        assertThat(model.directProperty().get()).isEqualTo(1);
        assertThat(model.unhealthyProperty().get()).isEqualTo(1);
    }

    @Test
    void aModifiedClusterKeepsItsRowObject() {
        model.apply(List.of(new FleetEvent.Added(cluster("a", "1", false, "Initialized"))));
        ClusterRow row = model.row("a");

        model.apply(List.of(new FleetEvent.Modified(cluster("a", "2", true, "Initialized"))));

        assertThat(model.row("a"))
                .as("same row, so the table keeps its selection")
                .isSameAs(row);
        assertThat(row.info().isDirect()).isTrue();
    }

    @Test
    void aFailedWatchIsReported() {
        model.apply(List.of(new FleetEvent.Failed("The cluster watch stopped: gone")));

        assertThat(failures).containsExactly("The cluster watch stopped: gone");
    }

    @Test
    void theFilterMatchesEveryWordAnywhere() {
        model.apply(List.of(
                new FleetEvent.Added(cluster("eu-west", "1", true, "Initialized")),
                new FleetEvent.Added(cluster("eu-north", "1", false, "Initialized")),
                new FleetEvent.Added(cluster("us-east", "1", false, "Failed"))));

        model.filterTextProperty().set("EU central");
        assertThat(model.visibleRows()).extracting(ClusterRow::name).containsExactly("eu-north");

        model.filterTextProperty().set("failed");
        assertThat(model.visibleRows()).extracting(ClusterRow::name).containsExactly("us-east");

        model.filterTextProperty().set("region=eu-west");
        assertThat(model.visibleRows()).extracting(ClusterRow::name).containsExactly("eu-west");

        model.filterTextProperty().set(" ");
        assertThat(model.visibleRows()).hasSize(3);
    }

    @Test
    void clearForgetsEverything() {
        model.apply(List.of(new FleetEvent.Added(cluster("a", "1", true, "Initialized"))));

        model.clear();

        assertThat(model.rows()).isEmpty();
        assertThat(model.directProperty().get()).isZero();
        assertThat(model.row("a")).isNull();
    }
}
