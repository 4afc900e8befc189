package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.testing.MockManagementPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first in the CLI: its help, its exit codes for a missing kubeconfig or context, and 'use -'. */
class FirstHourCliTest {
    @TempDir
    Path home;

    private TwoClusterPlane fleet;
    private MockManagementPlane plane;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        fleet = new TwoClusterPlane(home);
        plane = fleet.plane;
        kubeconfig = fleet.kubeconfig;
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private CliRun run(Map<String, String> env, String... args) {
        return fleet.run(env, args);
    }

    private CliRun run(String... args) {
        return fleet.run(args);
    }

    /** The summaries of a help's "Commands:" list, each joined from its wrapped lines. */
    private static List<String> summaries(String help) {
        List<String> summaries = new ArrayList<>();
        boolean inList = false;
        for (String line : help.split("\n")) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList && line.matches("  [a-z].*")) {
                summaries.add(line.substring(14).strip());
            } else if (inList && !summaries.isEmpty()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        return summaries;
    }

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"cluster", "--help"},
                new String[] {"endpoint", "--help"},
                new String[] {"agent", "--help"},
                new String[] {"plane", "--help"},
                new String[] {"space", "--help"},
                new String[] {"context", "--help"})) {
            CliRun help = run(args);
            assertThat(summaries(help.out()))
                    .as(String.join(" ", args))
                    .isNotEmpty()
                    .allSatisfy(summary -> assertThat(summary).endsWith("."));
        }
    }

    @Test
    void helpKeepsPathsWholeAndListsOneExitCodePerLine() {
        assertThat(run("sandbox", "--help").out()).contains("~/.local/state/meridian/sandbox");
        assertThat(run("--help").out())
                .contains("Exit codes:\n  0   ok\n  1   usage error\n")
                .contains("\n  4   plane or cluster unreachable or unauthorised, or a rollout timed out\n");
    }

    @Test
    void withoutAKubeconfigTheCliSaysSoAndPointsAtTheSandbox() {
        CliRun run = run(Map.of(), "cluster", "list");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err())
                .isEqualTo("[error] There is no kubeconfig: " + home.resolve(".kube/config")
                        + " does not exist. To start, run 'meridian sandbox' to try Meridian with a fleet on this "
                        + "machine; or pass --kubeconfig FILE with your management plane's kubeconfig.\n");
    }

    @Test
    void anUnknownContextIsInvalidInputNotAnUnreachablePlane() {
        CliRun management = run("--context", "nope", "cluster", "list");
        CliRun target = run("cluster", "connect", "x", "--target-context", "nosuchctx");

        assertThat(management.exitCode()).as(management.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(management.err()).contains("There is no context 'nope' in the kubeconfig");
        assertThat(target.exitCode()).as(target.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(target.err()).contains("There is no context 'nosuchctx' in the kubeconfig");
    }

    @Test
    void useDashTogglesLikeKubectx() throws Exception {
        assertThat(run("cluster", "use", "eu-west").exitCode()).isZero();

        assertThat(run("use", "-").err()).isEqualTo("[done] √ Switched back to kube context management\n");
        assertThat(run("use", "-").err()).isEqualTo("[done] √ Switched back to kube context meridian_eu-west\n");
        assertThat(run("use", "-").err()).isEqualTo("[done] √ Switched back to kube context management\n");
        assertThat(Files.readString(kubeconfig)).contains("current-context: management\n");
    }

    @Test
    void theManagementContextIsStillFoundAfterTogglingBetweenMeridianContexts() {
        run("cluster", "use", "eu-west");
        run("cluster", "use", "us-east");
        assertThat(run("use", "-").err()).isEqualTo("[done] √ Switched back to kube context meridian_eu-west\n");

        CliRun list = run("cluster", "list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("us-east");
    }

    @Test
    void eachKubeconfigRemembersItsOwnPreviousContext() throws Exception {
        Map<String, String> second = Map.of(
                "KUBECONFIG", plane.writeKubeconfig(home.resolve("second")).toString());
        run("cluster", "use", "eu-west");
        run(second, "cluster", "use", "us-east");
        assertThat(run(second, "use", "-").err()).isEqualTo("[done] √ Switched back to kube context management\n");

        // The first kubeconfig's last switch left 'management'; the second's, meridian_us-east.
        CliRun back = run("use", "-");

        assertThat(back.err()).as(back.toString()).isEqualTo("[done] √ Switched back to kube context management\n");
    }

    @Test
    void oneNameForOneThing() {
        run("cluster", "use", "eu-west");

        assertThat(run("cluster", "list").out())
                .contains("Direct")
                .contains("Insecure")
                .doesNotContain("DIRECT");
        assertThat(run("context", "list").out()).contains(" Direct ").doesNotContain("DIRECT");
        assertThat(run("context", "list", "-o", "json").out()).contains("\"route\" : \"Direct\"");
    }

    @Test
    void theSandboxTakesOnlyClusterNamesThatConnectTakes() {
        CliRun run = run(
                "sandbox",
                "--clusters",
                "Bad_Name",
                "--dir",
                home.resolve("sandbox").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err())
                .startsWith("[error] --clusters: 'Bad_Name' is not a cluster name: use lower-case letters");
        assertThat(home.resolve("sandbox")).doesNotExist();
    }
}
