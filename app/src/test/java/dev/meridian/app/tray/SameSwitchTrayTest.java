package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.testing.SwitchFixture;
import java.awt.TrayIcon.MessageType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tray's menu choices write the kubeconfig the CLI and the window write for the same choices. */
class SameSwitchTrayTest {
    @TempDir
    Path dir;

    private SwitchFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new SwitchFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void choosingAClusterWritesWhatTheSwitchingServiceWrites() throws Exception {
        Path copy = fixture.copy("tray");
        List<String> messages = new CopyOnWriteArrayList<>();
        try (TrayWork work = new TrayWork(
                SwitchFixture.kubeconfig(copy),
                (cluster, plane) -> HealthSummary.Verdict.UNKNOWN,
                new TraySettings(dir.resolve("tray-settings")),
                new TrayWork.View() {
                    @Override
                    public void show(TrayMenu menu, TrayMenu before) {}

                    @Override
                    public void message(MessageType type, String text) {
                        messages.add(type + ": " + text);
                    }
                })) {
            work.setSnapshot(new TraySession.Snapshot(SwitchFixture.PLANE, fixture.clusters()));
            for (String cluster : SwitchFixture.CHOICES) {
                work.use(cluster, null);
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(messages).anyMatch(m -> m.contains("meridian_" + cluster)));
            }
        }

        assertThat(messages)
                .containsExactly(
                        "INFO: Switched to meridian_eu-west (direct endpoint).",
                        "INFO: Switched to meridian_us-east (central route).");
        assertThat(Files.readAllBytes(copy)).isEqualTo(fixture.expected());
    }
}
