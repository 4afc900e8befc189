package dev.meridian.app.health;

import java.time.Duration;
import java.time.Instant;

/** Why an answering endpoint is Degraded. */
public sealed interface DegradedReason permits DegradedReason.Slow, DegradedReason.CertificateExpiring {

    /** The whole probe took longer than the slow threshold. */
    record Slow(Duration took, Duration threshold) implements DegradedReason {
        @Override
        public String message() {
            return "Slow: the health check took " + Durations.format(took) + " (threshold "
                    + Durations.format(threshold) + "). Check the load on the agent and the network path to it.";
        }
    }

    /** A presented certificate expires within the warning window (only checked when TLS is verified). */
    record CertificateExpiring(String subject, Instant notAfter, Duration remaining) implements DegradedReason {
        @Override
        public String message() {
            return "Certificate expiring: " + subject + " expires on " + notAfter + " (in "
                    + Durations.format(remaining) + "). Renew it before then or kubectl will refuse the endpoint.";
        }
    }

    String message();
}
