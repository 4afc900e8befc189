package dev.meridian.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.meridian.app.fleet.ManagementConnection;
import dev.meridian.app.ui.settings.ConfigDirectory;

/**
 * What the desktop app reads from its surroundings, injected so tests never touch the real home,
 * environment or settings.
 */
public record DesktopEnvironment(Map<String, String> env, Path home, String osName, Clock clock) {

    public DesktopEnvironment {
        env = Map.copyOf(env);
    }

    public static DesktopEnvironment system() {
        return new DesktopEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", "Linux"), Clock.systemUTC());
    }

    /** The kubeconfig files, as kubectl finds them: {@code $KUBECONFIG} or {@code ~/.kube/config}. */
    public List<Path> kubeconfigFiles() {
        return ManagementConnection.resolve(null, null, env, home).kubeconfigFiles();
    }

    public Path configDirectory() {
        return ConfigDirectory.forPlatform(osName, env, home);
    }
}
