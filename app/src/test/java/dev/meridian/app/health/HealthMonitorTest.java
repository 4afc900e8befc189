package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private LoopbackServers servers;
    private Prober prober;
    private TestPki.Identity ca;
    private final Map<String, List<ProbeResult>> seen = new ConcurrentHashMap<>();
    private final List<String> removed = new CopyOnWriteArrayList<>();
    private final List<String> wrongPrevious = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        servers = new LoopbackServers();
        prober = Prober.create(
                ProbeSettings.defaults().withTimeout(Duration.ofSeconds(2)).withSlowThreshold(Duration.ofSeconds(10)));
        ca = TestPki.ca("CA");
    }

    @AfterEach
    void stop() throws Exception {
        prober.close();
        servers.close();
    }

    private HealthMonitor monitor(MonitorSettings settings) {
        HealthMonitor monitor = new HealthMonitor(prober, settings, new ProbeResultStore(), () -> 0.5);
        monitor.results().addListener(new ProbeListener() {
            @Override
            public void onResult(String key, ProbeResult previous, ProbeResult current) {
                List<ProbeResult> results = seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
                if (previous != (results.isEmpty() ? null : results.get(results.size() - 1))) {
                    wrongPrevious.add(key);
                }
                results.add(current);
            }

            @Override
            public void onRemoved(String key) {
                removed.add(key);
            }
        });
        return monitor;
    }

    private ProbeTarget healthy() throws Exception {
        int port = servers.https(ca.leaf("agent").sans("127.0.0.1").issue(), 200);
        return ProbeTarget.forEndpoint("127.0.0.1:" + port, ca.asCaData());
    }

    @Test
    void keepsTheLatestResultPerClusterAndTellsListenersOfEachOne() throws Exception {
        ProbeTarget up = healthy();
        ProbeTarget down = ProbeTarget.forEndpoint("127.0.0.1:" + LoopbackServers.closedPort(), ca.asCaData());
        try (HealthMonitor monitor = monitor(new MonitorSettings(Duration.ofMillis(50), 0.1, Duration.ofSeconds(10)))) {
            monitor.watch("prod", up);
            monitor.watch("staging", down);

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(seen.get("prod")).hasSizeGreaterThan(3));
            assertThat(monitor.results().latest("prod"))
                    .hasValueSatisfying(r -> assertThat(r.isUp()).isTrue());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(monitor.results().latest("staging"))
                            .hasValueSatisfying(r -> assertThat(r.verdict())
                                    .isEqualTo(new Verdict.Down(
                                            new DownCause.ConnectionRefused(down.host() + ":" + down.port())))));
            assertThat(monitor.results().snapshot()).containsOnlyKeys("prod", "staging");
            assertThat(monitor.watchedKeys()).containsExactlyInAnyOrder("prod", "staging");
            assertThat(wrongPrevious)
                    .as("listener got the result each new one replaces")
                    .isEmpty();
        }
    }

    @Test
    void downEndpointIsProbedLessAndLessOften() throws Exception {
        ProbeTarget down = ProbeTarget.forEndpoint("127.0.0.1:" + LoopbackServers.closedPort(), ca.asCaData());
        try (HealthMonitor monitor = monitor(new MonitorSettings(Duration.ofMillis(100), 0, Duration.ofSeconds(10)))) {
            monitor.watch("gone", down);

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(seen.get("gone")).hasSizeGreaterThanOrEqualTo(4));
            List<Instant> starts =
                    seen.get("gone").stream().map(ProbeResult::startedAt).toList();
            // Delays can only run late, never early: 200, 400 and 800 ms after 1, 2 and 3 Down results.
            assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(Duration.between(starts.get(1), starts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(390));
            assertThat(Duration.between(starts.get(2), starts.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(790));
        }
    }

    @Test
    void probeNowDoesNotWaitForTheInterval() throws Exception {
        try (HealthMonitor monitor = monitor(new MonitorSettings(Duration.ofHours(1), 0.2, Duration.ofHours(2)))) {
            monitor.watch("prod", healthy());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(seen.get("prod")).hasSize(1));

            assertThat(monitor.probeNow("prod")).isTrue();

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(seen.get("prod")).hasSize(2));
            assertThat(monitor.probeNow("unknown")).isFalse();
        }
    }

    @Test
    void unwatchStopsProbingAndDropsTheResult() throws Exception {
        try (HealthMonitor monitor = monitor(new MonitorSettings(Duration.ofMillis(50), 0, Duration.ofSeconds(1)))) {
            monitor.watch("prod", healthy());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(seen.get("prod")).hasSizeGreaterThan(1));

            monitor.unwatch("prod");
            int count = seen.get("prod").size();

            assertThat(removed).containsExactly("prod");
            assertThat(monitor.results().latest("prod")).isEmpty();
            await().during(Duration.ofMillis(400))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> seen.get("prod").size() == count
                            && monitor.results().latest("prod").isEmpty());
        }
    }
}
