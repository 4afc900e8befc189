package dev.meridian.app.ui.integration;

import java.util.Optional;

import dev.meridian.app.contexts.ProbeTargets;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.CertificateInfo;
import dev.meridian.app.health.ProbeResult;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.Prober;
import dev.meridian.app.health.Verdict;
import dev.meridian.app.ui.hooks.HealthSource;
import dev.meridian.app.ui.hooks.HealthSummary;

/** Probes a cluster's direct endpoint ({@code GET /healthz}) with the health engine, for the table. */
public final class HealthProbes implements HealthSource {
    private final Prober prober;

    public HealthProbes(Prober prober) {
        this.prober = prober;
    }

    @Override
    public HealthSummary probe(ClusterInfo cluster) {
        Optional<ProbeTarget> target = ProbeTargets.direct(cluster);
        if (target.isEmpty()) {
            return new HealthSummary(HealthSummary.Verdict.UNKNOWN, Optional.empty(), Optional.empty(),
                    "No direct endpoint to probe; the cluster is reached through the central route.");
        }
        ProbeResult result = prober.probe(target.get());
        return new HealthSummary(verdict(result.verdict()), Optional.ofNullable(result.timings().total()),
                result.leaf().map(CertificateInfo::notAfter), result.verdict().message());
    }

    private static HealthSummary.Verdict verdict(Verdict verdict) {
        if (verdict instanceof Verdict.Up) {
            return HealthSummary.Verdict.UP;
        }
        return verdict instanceof Verdict.Degraded ? HealthSummary.Verdict.DEGRADED : HealthSummary.Verdict.DOWN;
    }
}
