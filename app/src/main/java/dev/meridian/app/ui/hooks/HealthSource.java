package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.kubeconfig.ContextConnection;

/**
 * Probes a cluster's health for the UI. Where it is {@link #unavailable()} the app shows no health columns, no
 * Health section and no "Probe" actions.
 */
@FunctionalInterface
public interface HealthSource {
    /** The part of a configuration without it: {@link #isOffered()} is false and probing throws. */
    static HealthSource unavailable() {
        return NotOffered.INSTANCE;
    }

    /** Whether the window probes and shows health; true for every real implementation. */
    default boolean isOffered() {
        return true;
    }

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
