package dev.meridian.app.ui.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the cluster table and detail pane show about a cluster's health. The health module's
 * probe results are adapted to this record by the {@link HealthSource} that is plugged in.
 *
 * @param latency the round trip of the probe; empty when it did not answer
 * @param certificateNotAfter expiry of the endpoint's serving certificate; empty when unknown
 * @param detail one sentence for the admin, e.g. why it is degraded
 */
public record HealthSummary(Verdict verdict, Optional<Duration> latency, Optional<Instant> certificateNotAfter,
        String detail) {

    public enum Verdict {
        UP, DEGRADED, DOWN, UNKNOWN
    }

    public static HealthSummary unknown() {
        return new HealthSummary(Verdict.UNKNOWN, Optional.empty(), Optional.empty(), "Not probed yet.");
    }

    public boolean isUnhealthy() {
        return verdict == Verdict.DEGRADED || verdict == Verdict.DOWN;
    }
}
