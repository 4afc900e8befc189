package dev.meridian.app.ui.integration;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.GatewayLookup;
import dev.meridian.app.contexts.ProbeTargets;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.CertificateInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.health.ProbeResult;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.ProbeTimings;
import dev.meridian.app.health.Prober;
import dev.meridian.app.health.Verdict;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.ui.hooks.HealthSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Probes the routes of a cluster's context with the health engine ({@code GET /healthz}), for the
 * table and the detail pane: the direct endpoint when it has one, and the central route that
 * {@link ProbeTargets#central} gives for the plane (its recorded gateway, else its origin), both to compare and for clusters without an
 * endpoint. One central probe serves every cluster probed within a few seconds of it.
 */
public final class HealthProbes implements HealthSource {
    private static final Duration CENTRAL_REUSE = Duration.ofSeconds(5);

    private final Prober prober;
    private final KubeconfigService kubeconfig;
    private final Clock clock;
    private final GatewayLookup gateways;
    private String centralPlane;
    private Instant centralAt;
    private HealthSummary centralHealth;

    /** @param kubeconfig where the management plane's context (and so the central route) is read; null for none */
    public HealthProbes(Prober prober, KubeconfigService kubeconfig, Clock clock) {
        this(
                prober,
                kubeconfig,
                kubeconfig == null ? null : new CentralGateways.Memo(kubeconfig, Duration.ofMinutes(1), clock),
                clock);
    }

    /** @param gateways finds the plane's central gateway; shared with the window's switching, so asked once */
    public HealthProbes(Prober prober, KubeconfigService kubeconfig, GatewayLookup gateways, Clock clock) {
        this.prober = prober;
        this.kubeconfig = kubeconfig;
        this.clock = clock;
        this.gateways = gateways;
    }

    public HealthProbes(Prober prober) {
        this(prober, null, Clock.systemUTC());
    }

    @Override
    public HealthSummary probe(ClusterInfo cluster) {
        Optional<ProbeTarget> target = ProbeTargets.direct(cluster);
        if (target.isEmpty()) {
            return new HealthSummary(
                    HealthSummary.Verdict.UNKNOWN,
                    Optional.empty(),
                    Optional.empty(),
                    "No direct endpoint to probe; the cluster is reached through the central route.");
        }
        return summary(prober.probe(target.get()), HealthSummary.Route.DIRECT);
    }

    @Override
    public HealthSummary probe(ContextConnection plane, ClusterInfo cluster) {
        if (kubeconfig == null || plane == null) {
            return probe(cluster);
        }
        HealthSummary central = central(plane);
        Optional<ProbeTarget> direct = ProbeTargets.direct(cluster);
        if (direct.isEmpty()) {
            return central;
        }
        return summary(prober.probe(direct.get()), HealthSummary.Route.DIRECT).withCentral(central);
    }

    private synchronized HealthSummary central(ContextConnection plane) {
        Instant now = clock.instant();
        if (centralHealth != null
                && plane.contextName().equals(centralPlane)
                && Duration.between(centralAt, now).compareTo(CENTRAL_REUSE) < 0) {
            return centralHealth;
        }
        ProbeTarget target;
        try {
            target = ProbeTargets.central(gateways.resolve(kubeconfig.managementAccess(plane.contextName())));
        } catch (RuntimeException e) {
            return new HealthSummary(
                    HealthSummary.Verdict.UNKNOWN,
                    Optional.empty(),
                    Optional.empty(),
                    "Cannot tell how to reach the central route: " + e.getMessage(),
                    HealthSummary.Route.CENTRAL,
                    "",
                    "",
                    Optional.empty());
        }
        centralHealth = summary(prober.probe(target), HealthSummary.Route.CENTRAL);
        centralPlane = plane.contextName();
        centralAt = now;
        return centralHealth;
    }

    private static HealthSummary summary(ProbeResult result, HealthSummary.Route route) {
        return new HealthSummary(
                verdict(result.verdict()),
                Optional.ofNullable(result.timings().total()),
                result.leaf().map(CertificateInfo::notAfter),
                result.verdict().message(),
                route,
                timings(result.timings()),
                result.leaf().map(HealthProbes::certificate).orElse(""),
                Optional.empty());
    }

    private static String timings(ProbeTimings timings) {
        List<String> parts = new ArrayList<>();
        add(parts, "DNS", timings.dns());
        add(parts, "connect", timings.connect());
        add(parts, "TLS", timings.tlsHandshake());
        add(parts, "first byte", timings.firstByte());
        return String.join(" · ", parts);
    }

    private static void add(List<String> parts, String phase, Duration value) {
        if (value != null) {
            parts.add(phase + " " + value.toMillis() + " ms");
        }
    }

    private static String certificate(CertificateInfo leaf) {
        return leaf.subject() + (leaf.selfSigned() ? " (self-signed)" : ", issued by " + leaf.issuer());
    }

    private static HealthSummary.Verdict verdict(Verdict verdict) {
        if (verdict instanceof Verdict.Up) {
            return HealthSummary.Verdict.UP;
        }
        return verdict instanceof Verdict.Degraded ? HealthSummary.Verdict.DEGRADED : HealthSummary.Verdict.DOWN;
    }
}
