package dev.meridian.app.ui.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.testing.SwitchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's "Use cluster" writes the kubeconfig the CLI and the tray write for the same choices. */
class SameSwitchWindowTest {
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
    void useClusterWritesWhatTheSwitchingServiceWrites() throws Exception {
        Path copy = fixture.copy("window");
        KubeconfigService kubeconfig = SwitchFixture.kubeconfig(copy);
        KubeconfigContextActions actions = new KubeconfigContextActions(kubeconfig);
        for (String cluster : SwitchFixture.CHOICES) {
            String said = actions.useCluster(kubeconfig.connection(SwitchFixture.PLANE), fixture.cluster(cluster));
            assertThat(said).startsWith("kubectl now uses meridian_" + cluster);
        }

        assertThat(Files.readAllBytes(copy)).isEqualTo(fixture.expected());
    }
}
