package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.app.fleet.FleetService;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, as a user meets it: `meridian sandbox` in another process holds its folder; after `kill -9` a restart
 * on the folder takes it over on the same addresses, and the context it wrote in the user's kubeconfig works again.
 */
class SandboxKilledTest {
    @TempDir
    Path temp;

    @Test
    void afterKillMinus9ARestartOnTheFolderServesTheContextsWrittenBefore() throws Exception {
        Path home = temp.resolve("home");
        Path folder = temp.resolve("sandbox");
        Process child = startCliSandbox(home, folder);
        try {
            assertThatThrownBy(() -> Sandbox.start(options(folder)))
                    .as("the other process holds the folder")
                    .isInstanceOf(SandboxInUse.class)
                    .hasMessageContaining("pid " + child.pid());
            String userKubeconfig = Files.readString(home.resolve(".kube/config"));
            String ownKubeconfig = Files.readString(folder.resolve("kubeconfig"));
            assertThat(userKubeconfig).contains("current-context: " + Sandbox.CONTEXT);

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the state file stays behind
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (Sandbox restarted = Sandbox.start(options(folder))) {
                assertThat(Files.readString(restarted.kubeconfig())).isEqualTo(ownKubeconfig);
                try (KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(userKubeconfig))
                        .build()) {
                    assertThat(client.genericKubernetesResources(FleetService.CLUSTERS)
                                    .list()
                                    .getItems())
                            .as("the user's meridian-sandbox context, written by the killed sandbox")
                            .extracting(c -> c.getMetadata().getName())
                            .containsExactly("eu-west");
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static SandboxOptions options(Path folder) {
        return new SandboxOptions(folder, List.of("eu-west"), Map.of());
    }

    /** `meridian sandbox` in a JVM of its own, on the test's class path; returns once it says it runs. */
    private static Process startCliSandbox(Path home, Path folder) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Duser.home=" + home,
                        "dev.meridian.app.Main",
                        "sandbox",
                        "--dir",
                        folder.toString(),
                        "--clusters",
                        "eu-west")
                .redirectErrorStream(true);
        builder.environment().remove("KUBECONFIG");
        // The CLI takes its home from $HOME, as kubectl does: the child's must be the test's too.
        builder.environment().put("HOME", home.toString());
        Process child = builder.start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            said.append(line).append('\n');
            if (line.startsWith("Press Ctrl+C")) {
                assertThat(said).contains("Context meridian-sandbox is in " + home.resolve(".kube/config"));
                Thread drain = new Thread(() -> lines.lines().forEach(l -> {}), "sandbox-child-output");
                drain.setDaemon(true);
                drain.start();
                return child;
            }
        }
        throw new AssertionError("the child sandbox stopped before it ran:\n" + said);
    }
}
