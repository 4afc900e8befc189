package dev.meridian.app.ui.shell;

import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.ui.settings.ConfigDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the desktop app reads from its surroundings, injected so tests never touch the real home,
 * environment or settings.
 */
public record DesktopEnvironment(Map<String, String> env, Path home, String osName, Clock clock) {

    public DesktopEnvironment {
        env = Map.copyOf(env);
    }

    public static DesktopEnvironment system() {
        return new DesktopEnvironment(
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", "Linux"),
                Clock.systemUTC());
    }

    /** The kubeconfig engine over the files kubectl reads: {@code $KUBECONFIG} or {@code ~/.kube/config}. */
    public KubeconfigService kubeconfig() {
        return new KubeconfigService(KubeconfigLocations.of(env, home));
    }

    public Path configDirectory() {
        return ConfigDirectory.forPlatform(osName, env, home);
    }
}
