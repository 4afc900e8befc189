package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI finds the home folder as kubectl does: {@code $HOME} first. */
class CliEnvironmentTest {
    @Test
    void homeIsTheHomeVariableWhenItIsAnAbsolutePath() {
        assertThat(CliEnvironment.home(Map.of("HOME", "/tmp/fresh-home"), "/root"))
                .isEqualTo(Path.of("/tmp/fresh-home"));
    }

    @Test
    void homeFallsBackToTheJvmsUserHome() {
        assertThat(CliEnvironment.home(Map.of(), "/root")).isEqualTo(Path.of("/root"));
        assertThat(CliEnvironment.home(Map.of("HOME", ""), "/root")).isEqualTo(Path.of("/root"));
        assertThat(CliEnvironment.home(Map.of("HOME", "relative/home"), "/root"))
                .isEqualTo(Path.of("/root"));
    }
}
