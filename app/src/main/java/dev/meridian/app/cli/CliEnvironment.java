package dev.meridian.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What the CLI reads from its surroundings, injected so tests never touch the real home or environment. */
public record CliEnvironment(Map<String, String> env, Path home, Clock clock) {

    public CliEnvironment {
        env = Map.copyOf(env);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC());
    }
}
