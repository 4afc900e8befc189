package dev.meridian.app.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.health.HealthSummary.Verdict;
import dev.meridian.app.ui.hooks.FleetSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** What companions such as the tray see of the window's fleet: plain snapshots that follow every change. */
class FleetFeedTest {
    private final FleetViewModel model = new FleetViewModel(failure -> {});
    private final StringProperty plane = new SimpleStringProperty("");
    private final FleetFeed feed = new FleetFeed(model.rows(), plane);
    private final List<FleetSnapshot> seen = new ArrayList<>();

    FleetFeedTest() {
        feed.property().addListener((o, old, now) -> seen.add(now));
    }

    private static ClusterInfo cluster(String name, String version) {
        return new ClusterInfo(name, "", "", Map.of(), "Initialized", "", "", version, new EndpointState.Off());
    }

    @Test
    void snapshotsFollowAddedRemovedAndModifiedClustersAndThePlane() {
        assertThat(feed.property().get()).isEqualTo(FleetSnapshot.EMPTY);

        plane.set("management");
        model.apply(List.of(new FleetEvent.Added(cluster("a", "1")), new FleetEvent.Added(cluster("b", "1"))));
        assertThat(feed.property().get().plane()).isEqualTo("management");
        assertThat(feed.property().get().clusters())
                .extracting(FleetSnapshot.Cluster::name)
                .containsExactly("a", "b");

        model.apply(List.of(new FleetEvent.Modified(cluster("a", "2")), new FleetEvent.Removed("b")));
        assertThat(feed.property().get().clusters())
                .extracting(c -> c.info().resourceVersion())
                .containsExactly("2");
    }

    @Test
    void aProbedHealthReachesTheSnapshotAndEarlierSnapshotsStayAsTheyWere() {
        model.apply(List.of(new FleetEvent.Added(cluster("a", "1"))));
        FleetSnapshot before = feed.property().get();
        HealthSummary up = new HealthSummary(Verdict.UP, Optional.of(Duration.ofMillis(12)), Optional.empty(), "Up.");

        model.setHealth("a", up);

        assertThat(feed.property().get().clusters().get(0).health()).isEqualTo(up);
        assertThat(before.clusters().get(0).health().verdict())
                .as("a snapshot is a value: later changes do not reach it")
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(seen).isNotEmpty();
    }
}
