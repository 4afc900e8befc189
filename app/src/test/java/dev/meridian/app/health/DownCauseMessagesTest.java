package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DownCauseMessagesTest {
    private static final String ADDRESS = "agent.example.com:443";

    static Stream<DownCause> everyCause() {
        List<DownCause> causes = new ArrayList<>();
        causes.add(new DownCause.DnsFailure("agent.example.com:443", "Name or service not known"));
        causes.add(new DownCause.ConnectionRefused(ADDRESS));
        for (ProbePhase phase : ProbePhase.values()) {
            causes.add(new DownCause.Timeout(phase, Duration.ofSeconds(3), ADDRESS));
            causes.add(new DownCause.ConnectionFailed(phase, "Connection reset", ADDRESS));
        }
        for (TlsProblem problem : TlsProblem.values()) {
            causes.add(new DownCause.TlsFailure(problem, "detail of " + problem, ADDRESS));
        }
        for (int status : new int[] {301, 401, 404, 418, 500, 503}) {
            causes.add(new DownCause.HttpStatus(status, "Reason", ADDRESS));
        }
        return causes.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCause")
    void everyCauseSaysWhereWhatHappenedAndWhatToDo(DownCause cause) {
        String message = new Verdict.Down(cause).message();

        assertThat(message).contains(ADDRESS);
        assertThat(message.split("\\. ")).as("a statement followed by advice").hasSizeGreaterThanOrEqualTo(2);
        assertThat(message).containsAnyOf("Check", "check", "Renew", "Fix", "Use", "trust it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCause")
    void tlsMessagesNameTheProblemAndKeepTheDetail(DownCause cause) {
        if (cause instanceof DownCause.TlsFailure tls) {
            assertThat(tls.message()).startsWith("TLS failure").contains("detail of " + tls.problem());
        }
    }

    @org.junit.jupiter.api.Test
    void degradedSaysWhichReasons() {
        Verdict verdict = new Verdict.Degraded(List.of(
                new DegradedReason.Slow(Duration.ofMillis(1500), Duration.ofSeconds(1)),
                new DegradedReason.CertificateExpiring(
                        "CN=agent", Instant.parse("2030-01-01T00:00:00Z"), Duration.ofDays(5))));

        assertThat(verdict.label()).isEqualTo("DEGRADED");
        assertThat(verdict.message())
                .contains("Slow: the health check took 1.5 s (threshold 1.0 s)")
                .contains("Certificate expiring: CN=agent expires on 2030-01-01T00:00:00Z (in 5 days 0 h)");
    }
}
