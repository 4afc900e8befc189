package dev.meridian.app.cli;

import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What the CLI reads from its surroundings, injected so tests never touch the real home or environment.
 *
 * @param kubeconfigs the kubeconfig engine for the locations a command resolves; tests wrap it to
 *     count what it reads
 */
public record CliEnvironment(
        Map<String, String> env, Path home, Clock clock, Function<KubeconfigLocations, KubeconfigService> kubeconfigs) {

    public CliEnvironment {
        env = Map.copyOf(env);
    }

    public CliEnvironment(Map<String, String> env, Path home, Clock clock) {
        this(env, home, clock, KubeconfigService::new);
    }

    /**
     * The process's environment. The home folder is {@code $HOME} when it is set to an absolute path, as kubectl
     * takes it (the JVM's {@code user.home} comes from the user database and ignores it), else {@code user.home}:
     * {@code HOME=/tmp/x meridian cluster use c} and {@code HOME=/tmp/x kubectl} read and write the same files.
     */
    public static CliEnvironment system() {
        Map<String, String> env = System.getenv();
        return new CliEnvironment(env, home(env, System.getProperty("user.home")), Clock.systemUTC());
    }

    static Path home(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHome);
    }
}
