package dev.meridian.app.tray;

import dev.meridian.app.contexts.ProbeTargets;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.health.ProbeResult;
import dev.meridian.app.health.Prober;
import dev.meridian.app.health.Verdict;
import dev.meridian.app.kubeconfig.ManagementAccess;

/**
 * Probes the route a cluster's context takes: its direct endpoint, else the central gateway, as
 * {@code meridian probe} does. Blocks up to the prober's timeout; never throws for an unreachable cluster.
 */
public interface ClusterProber extends AutoCloseable {

    HealthSummary.Verdict probe(ClusterInfo cluster, ManagementAccess plane);

    @Override
    default void close() {}

    /** Probes with the health module's {@link Prober}. */
    static ClusterProber withProber(Prober prober) {
        return new ClusterProber() {
            @Override
            public HealthSummary.Verdict probe(ClusterInfo cluster, ManagementAccess plane) {
                ProbeResult result =
                        prober.probe(ProbeTargets.direct(cluster).orElseGet(() -> ProbeTargets.central(plane)));
                Verdict verdict = result.verdict();
                if (verdict instanceof Verdict.Up) {
                    return HealthSummary.Verdict.UP;
                }
                return verdict instanceof Verdict.Degraded
                        ? HealthSummary.Verdict.DEGRADED
                        : HealthSummary.Verdict.DOWN;
            }

            @Override
            public void close() {
                prober.close();
            }
        };
    }
}
