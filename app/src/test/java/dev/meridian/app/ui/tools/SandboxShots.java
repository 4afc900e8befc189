package dev.meridian.app.ui.tools;

import static dev.meridian.app.ui.tools.Shots.fire;
import static dev.meridian.app.ui.tools.Shots.onFx;

import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.ui.integration.DesktopModules;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import dev.meridian.app.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.stage.Stage;

/**
 * Against the sandbox, with the shipped app's parts ({@link DesktopModules}): the wizard installs the agent on the
 * central-only cluster ap-south with its defaults (the sandbox's simulated API servers do server-side apply, the mock
 * plane does not), "Use cluster" switches to it; then the window with the fleet's real health, and the tray's menu with the
 * new current cluster.
 */
final class SandboxShots {
    private static final String CLUSTER = "ap-south";

    private SandboxShots() {}

    static void shoot(Path dir, Path out) throws Exception {
        try (Sandbox sandbox =
                Sandbox.start(new SandboxOptions(dir.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()))) {
            DesktopEnvironment env = Screenshots.environment(dir, sandbox.kubeconfig());
            new SettingsStore(env.configDirectory())
                    .save(Settings.defaults()
                            .withWindow(Screenshots.windowBounds(new int[] {1440, 900}))
                            .withPlaneContext(Sandbox.CONTEXT));
            MainWindow window = onFx(() -> MainWindow.open(new Stage(), env, DesktopModules.forEnvironment(env)));
            Shots.waitFor(
                    Duration.ofSeconds(60),
                    () -> onFx(() -> Shots.table(window).getItems().size() == SandboxOptions.DEFAULT_CLUSTERS.size()));
            install(window, out.resolve("wizard-success-light.png"));
            Shots.select(window, CLUSTER);
            Shots.waitFor(
                    Duration.ofSeconds(30),
                    () -> onFx(() -> Shots.table(window).getItems().stream()
                            .anyMatch(r -> r.name().equals(CLUSTER) && r.info().isDirect())));
            fire(window.stage(), "#useCluster");
            Shots.waitFor(
                    Duration.ofSeconds(30),
                    () -> Shots.text(window.stage(), "#statusContext").contains("meridian_" + CLUSTER));
            Shots.awaitNoNotifications(window);
            // The health shown is still the one probed before the install, by the central route: probe again.
            fire(window.stage(), "#probeCluster");
            Shots.waitFor(
                    Duration.ofSeconds(30),
                    () -> onFx(() -> Shots.table(window).getItems().stream()
                            .allMatch(r -> r.health().verdict() != HealthSummary.Verdict.UNKNOWN
                                    && (!r.name().equals(CLUSTER)
                                            || r.health().route() == HealthSummary.Route.DIRECT))));
            Shots.awaitSpaces(window);
            Shots.shoot(window, out.resolve("sandbox-1440x900-light.png"));
            TrayShot.menu(out.resolve("tray-menu.png"));
            Screenshots.close(window);
        }
    }

    /** The wizard with its defaults, Preview then Install, shot once it reports its result; only a success will do. */
    private static void install(MainWindow window, Path file) throws Exception {
        Shots.select(window, CLUSTER);
        fire(window.stage(), "#installAgent");
        Stage wizard = Shots.waitForWindow(window, "Install agent");
        fire(wizard, "#wizardNext");
        fire(wizard, "#wizardInstall");
        String result = InstallShots.awaitResult(wizard, Duration.ofSeconds(150));
        if (!result.startsWith("Agent installed")) {
            throw new IllegalStateException("the sandbox install did not succeed: " + result);
        }
        Shots.shoot(wizard, file);
        fire(wizard, "#wizardClose");
    }
}
