package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.testing.SwitchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meridian cluster use} writes the kubeconfig the window and the tray write for the same choices. */
class SameSwitchCliTest {
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
    void clusterUseWritesWhatTheSwitchingServiceWrites() throws Exception {
        Path copy = fixture.copy("cli");
        for (String cluster : SwitchFixture.CHOICES) {
            CliRun run = CliRun.run(SwitchFixture.home(copy), SwitchFixture.env(copy), "cluster", "use", cluster);
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }

        byte[] expected = fixture.expected();
        assertThat(new String(expected, java.nio.charset.StandardCharsets.UTF_8))
                .contains("# kept by hand", "https://eu.example.com:8443/kubernetes/cluster")
                .contains("https://gateway.example.com:9443/kubernetes/cluster/us-east")
                .contains("current-context: meridian_us-east");
        assertThat(Files.readAllBytes(copy)).isEqualTo(expected);
    }
}
