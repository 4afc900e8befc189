package dev.meridian.app.ui.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.tray.MeridianTray;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped window is made of every part but the welcome view's sandbox, which the first run replaces. */
class DesktopModulesTest {
    @TempDir
    Path temp;

    @Test
    void theShippedWindowOffersContextsHealthTheInstallerAndTheTray() {
        DesktopEnvironment environment = new DesktopEnvironment(
                Map.of("KUBECONFIG", temp.resolve("kube/config").toString()),
                temp.resolve("home"),
                "Linux",
                Clock.systemUTC());

        DesktopServices services = DesktopModules.forEnvironment(environment);

        assertThat(services.contexts()).isInstanceOf(KubeconfigContextActions.class);
        assertThat(services.health()).isInstanceOf(HealthProbes.class);
        assertThat(services.installer()).isInstanceOf(InstallLauncher.class);
        assertThat(services.tray()).isInstanceOf(MeridianTray.class);
        assertThat(services.sandbox().isOffered())
                .as("a user without a plane gets the first-run sandbox before the window, not a button")
                .isFalse();
    }
}
