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

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC());
    }
}
