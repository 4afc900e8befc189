package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default test run is headless (java.awt.headless=true): exactly a desktop without a tray. */
class NoTrayTest {
    @TempDir
    Path temp;

    @Test
    void withoutATrayTheHookInstallsNothingAndTheAppGoesOn() throws Exception {
        AtomicBoolean proberMade = new AtomicBoolean();
        MeridianTray tray = new MeridianTray(
                new KubeconfigService(KubeconfigLocations.of(java.util.Map.of(), temp)),
                () -> {
                    proberMade.set(true);
                    return (cluster, plane) -> {
                        throw new AssertionError("nothing is probed without a tray");
                    };
                },
                new TraySettings(temp),
                Duration.ofSeconds(30));

        assertThat(MeridianTray.isAvailable()).isFalse();
        AutoCloseable installed = tray.install(null);
        assertThatCode(installed::close).doesNotThrowAnyException();
        assertThat(proberMade).as("no prober threads are started for nothing").isFalse();
    }
}
