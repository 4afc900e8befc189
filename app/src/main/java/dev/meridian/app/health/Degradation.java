package dev.meridian.app.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Decides whether an endpoint that answered 200 is Up or Degraded. */
final class Degradation {
    private Degradation() {}

    /**
     * Slow when {@code total} exceeds the threshold; certificate expiring when the soonest-expiring
     * certificate of the presented chain ends within the warning window. Expiry is only judged when TLS
     * is verified: with {@code insecure} kubectl ignores the dates, so they cannot break it.
     */
    static Verdict judge(Duration total, TlsInfo tls, TlsMode mode, ProbeSettings settings, Instant now) {
        List<DegradedReason> reasons = new ArrayList<>();
        if (total.compareTo(settings.slowThreshold()) > 0) {
            reasons.add(new DegradedReason.Slow(total, settings.slowThreshold()));
        }
        if (!(mode instanceof TlsMode.Insecure) && tls != null && tls.hasChain()) {
            CertificateInfo soonest = tls.chain().get(0);
            for (CertificateInfo cert : tls.chain()) {
                if (cert.notAfter().isBefore(soonest.notAfter())) {
                    soonest = cert;
                }
            }
            Duration left = Duration.between(now, soonest.notAfter());
            if (left.compareTo(settings.expiryWarning()) < 0) {
                reasons.add(new DegradedReason.CertificateExpiring(soonest.subject(), soonest.notAfter(), left));
            }
        }
        return reasons.isEmpty() ? new Verdict.Up() : new Verdict.Degraded(reasons);
    }
}
