package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.cli.CliRun;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLatencyTest {
    @TempDir
    Path home;

    @Test
    @SuppressWarnings("unchecked")
    void withSimulatedDistanceTheDirectRouteIsFasterThanTheCentralOne() {
        SandboxOptions options = new SandboxOptions(
                home.resolve("sandbox"), List.of("eu-west"), SandboxOptions.parseLatency("central=150ms,eu-west=10ms"));
        try (Sandbox sandbox = Sandbox.start(options)) {
            CliRun probe = CliRun.run(
                    home, Map.of("KUBECONFIG", sandbox.kubeconfig().toString()), "probe", "eu-west", "-o", "json");
            // Under load the 150 ms hop can push the central probe past the 1 s "slow" threshold:
            // DEGRADED (exit 5) is a fair verdict then; DOWN is not.
            assertThat(probe.exitCode()).as(probe.toString()).isIn(0, 5);
            List<Map<String, Object>> rows = (List<Map<String, Object>>)
                    Serialization.unmarshal(probe.out(), Map.class).get("items");
            assertThat(rows)
                    .extracting(r -> r.get("verdict"))
                    .as(probe.toString())
                    .allMatch(v -> !"DOWN".equals(v));
            long central = ((Number) rows.get(0).get("totalMillis")).longValue();
            long direct = ((Number) rows.get(1).get("totalMillis")).longValue();
            assertThat(rows.get(1).get("route")).isEqualTo("Direct");
            // TCP connect, TLS handshake and the request each cross the simulated hop at least once each way.
            assertThat(central).isGreaterThanOrEqualTo(Duration.ofMillis(300).toMillis());
            assertThat(direct).isLessThan(central);
        }
    }

    @Test
    void latencyNamesMustBeHopsOfTheSandbox() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SandboxOptions(home, List.of("eu-west"), SandboxOptions.parseLatency("mars=10ms")))
                .hasMessageContaining("'mars'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxOptions.parseLatency("central=fast"))
                .hasMessageContaining("central=fast");
    }
}
