package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DegradationTest {
    private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
    private static final ProbeSettings SETTINGS = ProbeSettings.defaults();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "fast and far from expiry,              200,  90, 400, ca-data,  UP,       ''",
        "slow,                                  1500, 90, 400, ca-data,  DEGRADED, Slow",
        "leaf expiring in 5 days,               200,  5,  400, ca-data,  DEGRADED, CertificateExpiring",
        "CA expiring in 13 days,                200,  90, 13,  system,   DEGRADED, CertificateExpiring",
        "exactly at the threshold is not slow,  1000, 90, 400, ca-data,  UP,       ''",
        "expiring but not verified (insecure),  200,  5,  400, insecure, UP,       ''",
        "slow and expiring,                     1500, 5,  400, ca-data,  DEGRADED, Slow+CertificateExpiring",
    })
    void answeringEndpointIsUpUnlessSlowOrExpiringSoon(
            String name, long totalMillis, long leafDays, long caDays, String mode, String label, String reasons) {
        TlsInfo tls = new TlsInfo(
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "http/1.1",
                List.of(cert("CN=leaf", leafDays), cert("CN=ca", caDays)));
        TlsMode tlsMode = switch (mode) {
            case "insecure" -> TlsMode.insecure();
            case "system" -> TlsMode.systemTrust();
            default -> TlsMode.caData("pem");
        };

        Verdict verdict = Degradation.judge(Duration.ofMillis(totalMillis), tls, tlsMode, SETTINGS, NOW);

        assertThat(verdict.label()).isEqualTo(label);
        List<String> kinds = verdict instanceof Verdict.Degraded degraded
                ? degraded.reasons().stream()
                        .map(r -> r.getClass().getSimpleName())
                        .toList()
                : List.of();
        assertThat(String.join("+", kinds)).isEqualTo(reasons);
    }

    @org.junit.jupiter.api.Test
    void expiringReasonNamesTheCertificateThatExpiresFirst() {
        TlsInfo tls = new TlsInfo("TLSv1.3", "", "", List.of(cert("CN=leaf", 10), cert("CN=ca", 3)));

        Verdict verdict = Degradation.judge(Duration.ZERO, tls, TlsMode.systemTrust(), SETTINGS, NOW);

        assertThat(((Verdict.Degraded) verdict).reasons())
                .containsExactly(new DegradedReason.CertificateExpiring(
                        "CN=ca", NOW.plus(Duration.ofDays(3)), Duration.ofDays(3)));
    }

    private static CertificateInfo cert(String subject, long daysLeft) {
        return new CertificateInfo(
                subject,
                List.of(),
                "CN=ca",
                NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(daysLeft)),
                false,
                "AA",
                "pem");
    }
}
