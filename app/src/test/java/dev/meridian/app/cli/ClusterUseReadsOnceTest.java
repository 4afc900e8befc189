package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.kubeconfig.CountingKubeconfig;
import dev.meridian.app.testing.MockManagementPlane;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code cluster use} parses each kubeconfig file once: the management context, the plane's
 * client, the context it writes and the switch all read the one tree its kubeconfig engine holds.
 */
class ClusterUseReadsOnceTest {
    @TempDir
    Path home;

    private MockManagementPlane plane;
    private Path first;
    private Path second;

    @BeforeEach
    void start() throws Exception {
        plane = new MockManagementPlane();
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of());
        first = plane.writeKubeconfig(home.resolve("first"));
        second = Files.writeString(home.resolve("second"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: other
                  cluster:
                    server: https://other.example.com
                users:
                - name: other
                  user:
                    token: other-token
                contexts:
                - name: other
                  context:
                    cluster: other
                    user: other
                """);
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private int run(CountingKubeconfig counting, String... args) {
        CliEnvironment environment = new CliEnvironment(
                Map.of("KUBECONFIG", first + File.pathSeparator + second), home, Clock.systemUTC(), counting::open);
        StringWriter err = new StringWriter();
        int code = Cli.run(environment, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    @Test
    void clusterUseParsesEachKubeconfigFileOnce() {
        for (String cluster : new String[] {"eu-west", "us-east"}) {
            CountingKubeconfig counting = new CountingKubeconfig();

            run(counting, "cluster", "use", cluster);

            assertThat(counting.engines()).as("kubeconfig engines built").isEqualTo(1);
            assertThat(counting.parses(first)).as("parses of " + first).isEqualTo(1);
            assertThat(counting.parses(second)).as("parses of " + second).isEqualTo(1);
        }
    }

    @Test
    void writingNewEntriesIntoALargeKubeconfigParsesItOnceAndKeepsEveryOtherLine() throws Exception {
        // 300 more contexts in the first file, so a spliced entry is a small part of it.
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder users = new StringBuilder("users:\n");
        StringBuilder contexts = new StringBuilder("contexts:\n");
        for (int i = 0; i < 300; i++) {
            clusters.append("- name: gen-")
                    .append(i)
                    .append("\n  cluster:\n    server: https://gen-")
                    .append(i)
                    .append(".example.com  # generated\n");
            users.append("- name: gen-")
                    .append(i)
                    .append("\n  user:\n    token: token-")
                    .append(i)
                    .append('\n');
            contexts.append("- name: gen-")
                    .append(i)
                    .append("\n  context:\n    cluster: gen-")
                    .append(i)
                    .append("\n    user: gen-")
                    .append(i)
                    .append('\n');
        }
        String before = Files.readString(first)
                .replace("clusters:\n", clusters)
                .replace("users:\n", users)
                .replace("contexts:\n", contexts);
        Files.writeString(first, before);
        CountingKubeconfig counting = new CountingKubeconfig();

        run(counting, "cluster", "use", "eu-west");

        assertThat(counting.wholeParses(first)).as("whole parses of " + first).isLessThanOrEqualTo(1);
        assertThat(counting.wholeParses(second)).as("whole parses of " + second).isLessThanOrEqualTo(1);
        String after = Files.readString(first);
        assertThat(after).contains("  name: meridian_eu-west").contains("current-context: meridian_eu-west");
        // Only lines were added (the three entries) and the current-context line changed.
        List<String> removed = new ArrayList<>(before.lines().toList());
        after.lines().toList().forEach(removed::remove);
        assertThat(removed).containsExactly("current-context: management");
        assertThat(after.lines().count() - before.lines().count()).isBetween(10L, 20L);
    }

    @Test
    void spaceUsePrintParsesEachKubeconfigFileOnce() {
        CountingKubeconfig counting = new CountingKubeconfig();

        run(counting, "space", "use", "team-a", "--cluster", "eu-west", "--print");

        assertThat(counting.engines()).isEqualTo(1);
        assertThat(counting.parses(first)).isEqualTo(1);
        assertThat(counting.parses(second)).isEqualTo(1);
    }
}
