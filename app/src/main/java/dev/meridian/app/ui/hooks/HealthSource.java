package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.kubeconfig.ContextConnection;

/**
 * Probes a cluster's health for the UI. Plugged in when the health module is present; without it
 * the app shows no health columns and no "Probe" actions.
 */
@FunctionalInterface
public interface HealthSource {
    /**
     * Called on a background thread, never on the FX thread; may block up to its own timeout.
     * Must not throw for an unreachable cluster: that is a {@code DOWN} result.
     */
    HealthSummary probe(ClusterInfo cluster);

    /**
     * Like {@link #probe(ClusterInfo)}, knowing the management plane, so that a source can probe the
     * central route too: for a cluster without a direct endpoint, and to compare with one that has
     * it. By default only the direct route is probed.
     */
    default HealthSummary probe(ContextConnection plane, ClusterInfo cluster) {
        return probe(cluster);
    }
}
