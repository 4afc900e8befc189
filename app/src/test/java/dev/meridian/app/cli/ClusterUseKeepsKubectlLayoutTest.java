package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * kubectl rewrites the whole kubeconfig in its own key order whenever it writes it ({@code name}
 * first). Switching again to a cluster whose entries hold the same data must not rewrite them in
 * Meridian's order: the switch then changes the current-context line alone, as kubectl's own would.
 */
class ClusterUseKeepsKubectlLayoutTest {
    @TempDir
    Path home;

    private TwoClusterPlane fleet;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        fleet = new TwoClusterPlane(home);
        kubeconfig = fleet.kubeconfig;
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void switchingAgainToEntriesKubectlReorderedChangesOnlyTheCurrentContextLine() throws Exception {
        assertThat(run("cluster", "use", "eu-west").exitCode()).isZero();
        assertThat(run("cluster", "use", "us-east").exitCode()).isZero();
        String rewritten = asKubectlWritesIt(Files.readString(kubeconfig), "management");
        Files.writeString(kubeconfig, rewritten);

        for (String cluster : List.of("eu-west", "us-east")) {
            CliRun run = run("cluster", "use", cluster);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.readString(kubeconfig))
                    .isEqualTo(rewritten.replace(
                            "current-context: management\n", "current-context: meridian_" + cluster + "\n"));
            Files.writeString(kubeconfig, rewritten);
        }
    }

    /** The same data with each entry's name first and {@code current} current, as kubectl writes a file. */
    @SuppressWarnings("unchecked")
    private static String asKubectlWritesIt(String text, String current) {
        Map<String, Object> config = new Yaml().load(text);
        for (String section : List.of("clusters", "users", "contexts")) {
            List<Map<String, Object>> entries = (List<Map<String, Object>>) config.get(section);
            for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> nameFirst = new LinkedHashMap<>();
                nameFirst.put("name", entries.get(i).get("name"));
                nameFirst.putAll(entries.get(i));
                entries.set(i, nameFirst);
            }
        }
        config.put("current-context", current);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        String dumped = new Yaml(options).dump(config);
        assertThat(dumped).contains("- name: meridian_eu-west\n").contains("current-context: management\n");
        return dumped;
    }

    private CliRun run(String... args) {
        return fleet.run(args);
    }
}
