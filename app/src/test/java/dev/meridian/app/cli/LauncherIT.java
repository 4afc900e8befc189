package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build writes ({@code app/target/meridian}) runs the same CLI as
 * {@code java -jar meridian.jar}: the same output and exit codes, only started for a short command.
 */
class LauncherIT {
    @TempDir
    Path home;

    private static Path jar() {
        return Path.of(System.getProperty("meridian.jar"));
    }

    private ProcessRun run(List<String> launch, String... args) throws Exception {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of(args));
        return ProcessRun.run(home, command);
    }

    private ProcessRun launcher(String... args) throws Exception {
        return run(List.of(jar().resolveSibling("meridian").toString()), args);
    }

    private ProcessRun javaJar(String... args) throws Exception {
        return run(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()),
                args);
    }

    @Test
    void theLauncherAnswersAsJavaJarDoes() throws Exception {
        try (MockManagementPlane plane = new MockManagementPlane()) {
            plane.addCluster("eu-west", Map.of());
            String kubeconfig = plane.writeKubeconfig(home.resolve("mgmt.yaml")).toString();
            List<String[]> commands = List.of(
                    new String[] {"--version"},
                    new String[] {"--help"},
                    new String[] {"no-such-command"},
                    new String[] {"--kubeconfig", kubeconfig, "context", "list"},
                    new String[] {"--kubeconfig", kubeconfig, "cluster", "list"},
                    new String[] {"endpoint", "show", "nope", "--kubeconfig", kubeconfig});
            for (String[] args : commands) {
                ProcessRun expected = javaJar(args);
                ProcessRun actual = launcher(args);
                assertThat(actual).as(String.join(" ", args)).isEqualTo(expected);
            }
            assertThat(javaJar("endpoint", "show", "nope", "--kubeconfig", kubeconfig)
                            .exitCode())
                    .as("the comparison includes a failing command")
                    .isEqualTo(2);
        }
    }

    @Test
    void theCliArchiveIsValidForTheJavaAndTheJarItWasMadeFor() throws Exception {
        Path archive = jar().resolveSibling("meridian-cli.jsa");
        assertThat(archive).exists();
        assertThat(Files.readString(jar().resolveSibling("meridian"))).contains("meridian-cli.jsa");
        // -Xshare:on refuses to start when the archive cannot be used; the launcher's auto mode
        // would only run slower, so this is where a stale archive shows
        ProcessRun shared = run(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:on",
                        "-XX:+UseSerialGC",
                        "-XX:SharedArchiveFile=" + archive,
                        "-cp",
                        jar().toString(),
                        "dev.meridian.app.Main",
                        "--version"),
                new String[0]);
        assertThat(shared.exitCode()).as(shared.err()).isZero();
        assertThat(shared.out()).startsWith("meridian ");
    }
}
