package dev.meridian.app.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the cluster table and detail pane show about a cluster's health. The health module's
 * probe results are adapted to this record by the window's health source.
 *
 * @param latency the round trip of the probe; empty when it did not answer
 * @param certificateNotAfter expiry of the endpoint's serving certificate; empty when unknown
 * @param detail one sentence for the admin, e.g. why it is degraded
 * @param route which route was probed: the direct endpoint, or the central route for a cluster
 *     without one
 * @param timings the probe's phases for the admin, e.g. "DNS 0 ms · connect 1 ms · TLS 4 ms"; "" when unknown
 * @param certificate who the serving certificate names and who issued it; "" when unknown
 * @param central the central route's health, probed alongside a direct route for comparison; empty
 *     when not probed or when {@code route} is already the central one
 */
public record HealthSummary(
        Verdict verdict,
        Optional<Duration> latency,
        Optional<Instant> certificateNotAfter,
        String detail,
        Route route,
        String timings,
        String certificate,
        Optional<HealthSummary> central) {

    public enum Verdict {
        UP,
        DEGRADED,
        DOWN,
        UNKNOWN
    }

    public enum Route {
        DIRECT,
        CENTRAL
    }

    /** The health of a direct route, with nothing to compare it with. */
    public HealthSummary(
            Verdict verdict, Optional<Duration> latency, Optional<Instant> certificateNotAfter, String detail) {
        this(verdict, latency, certificateNotAfter, detail, Route.DIRECT, "", "", Optional.empty());
    }

    public static HealthSummary unknown() {
        return new HealthSummary(Verdict.UNKNOWN, Optional.empty(), Optional.empty(), "Not probed yet.");
    }

    public boolean isUnhealthy() {
        return verdict == Verdict.DEGRADED || verdict == Verdict.DOWN;
    }

    /** The same health with the central route's alongside it. */
    public HealthSummary withCentral(HealthSummary value) {
        return new HealthSummary(
                verdict, latency, certificateNotAfter, detail, route, timings, certificate, Optional.of(value));
    }

    /** "Up", "Degraded", "Down" or "-" when unknown. */
    public String verdictLabel() {
        return verdict == Verdict.UNKNOWN
                ? "-"
                : verdict.name().charAt(0) + verdict.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** "Up · 7 ms", or only the verdict when the probe got no answer. */
    public String shortText() {
        return latency.map(l -> verdictLabel() + " · " + l.toMillis() + " ms").orElse(verdictLabel());
    }
}
