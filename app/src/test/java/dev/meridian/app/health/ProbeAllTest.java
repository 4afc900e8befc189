package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeAllTest {

    @Test
    void probesManyEndpointsNeverMoreThanTheConcurrencyLimitAtOnce() throws Exception {
        TestPki.Identity ca = TestPki.ca("CA");
        TestPki.Identity leaf = ca.leaf("agent").sans("127.0.0.1").issue();
        ProbeSettings settings = ProbeSettings.defaults()
                .withMaxConcurrency(3)
                .withTimeout(Duration.ofSeconds(10))
                .withSlowThreshold(Duration.ofSeconds(10));
        try (LoopbackServers servers = new LoopbackServers();
                Prober prober = Prober.create(settings)) {
            Map<String, ProbeTarget> targets = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                int port = servers.https(leaf, 200, Duration.ofMillis(100));
                targets.put("cluster-" + (11 - i), ProbeTarget.forEndpoint("127.0.0.1:" + port, ca.asCaData()));
            }
            int refused = LoopbackServers.closedPort();
            targets.put("dead", ProbeTarget.forEndpoint("127.0.0.1:" + refused, ca.asCaData()));

            Map<String, ProbeResult> results = prober.probeAll(targets);

            assertThat(results.keySet()).containsExactlyElementsOf(targets.keySet());
            assertThat(results)
                    .allSatisfy((key, result) -> assertThat(result.target()).isEqualTo(targets.get(key)));
            assertThat(results.values()).filteredOn(ProbeResult::isUp).hasSize(12);
            assertThat(results.get("dead").verdict()).isInstanceOf(Verdict.Down.class);
            assertThat(servers.maxConcurrentlyWaiting())
                    .as("requests held by the servers at the same time")
                    .isBetween(1, 3);
        }
    }
}
