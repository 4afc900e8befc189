package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import java.util.List;

/**
 * The fleet as the window last showed it, as plain values: companions such as the tray may keep it and read it on
 * any thread.
 *
 * @param plane the management plane's kube context, empty when none is connected
 * @param clusters the connected clusters in the window's order, each with its last probed health
 */
public record FleetSnapshot(String plane, List<Cluster> clusters) {
    public static final FleetSnapshot EMPTY = new FleetSnapshot("", List.of());

    public FleetSnapshot {
        clusters = List.copyOf(clusters);
    }

    /** One connected cluster and what the window last knew of its health. */
    public record Cluster(ClusterInfo info, HealthSummary health) {
        public String name() {
            return info.name();
        }
    }
}
