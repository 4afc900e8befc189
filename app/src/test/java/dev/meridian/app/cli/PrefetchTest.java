package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.kubeconfig.CountingKubeconfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads started before picocli has built the command save time and change nothing else: the
 * plane is asked each question once, the kubeconfig is read by one engine, and a failure is
 * reported as the command reports it.
 */
class PrefetchTest {
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

    private CliRun run(CountingKubeconfig counting, String... args) {
        return fleet.run(counting, args);
    }

    @Test
    void aSwitchAsksThePlaneEachQuestionOnceAndReadsTheKubeconfigWithOneEngine() throws Exception {
        CountingKubeconfig counting = new CountingKubeconfig();
        int before = fleet.plane.getRequestCount();

        CliRun run = run(counting, "-v", "cluster", "use", "eu-west");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("[info] Using direct cluster endpoint at https://eu.example.com");
        // The Cluster only, whoever asked for it: a direct route is not built from the plane's gateway record.
        assertThat(fleet.plane.getRequestCount() - before).isEqualTo(1);
        assertThat(counting.engines()).isEqualTo(1);
        assertThat(counting.parses(kubeconfig)).isEqualTo(1);
        assertThat(Files.readString(kubeconfig)).contains("current-context: meridian_eu-west");
    }

    @Test
    void aSwitchToTheCentralRouteAlsoAsksForTheGatewayRecordOnce() throws Exception {
        CountingKubeconfig counting = new CountingKubeconfig();
        int before = fleet.plane.getRequestCount();

        CliRun run = run(counting, "cluster", "use", "us-east");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // The Cluster and the gateway record the central route is built from: two requests.
        assertThat(fleet.plane.getRequestCount() - before).isEqualTo(2);
        assertThat(counting.engines()).isEqualTo(1);
        assertThat(Files.readString(kubeconfig)).contains("current-context: meridian_us-east");
    }

    @Test
    void aListingAsksForTheListOnce() {
        int before = fleet.plane.getRequestCount();

        CliRun run = run(new CountingKubeconfig(), "--context", "management", "cluster", "list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("eu-west").contains("us-east");
        assertThat(fleet.plane.getRequestCount() - before).isEqualTo(1);
    }

    @Test
    void aFailedPrefetchIsAskedAgainSoTheErrorIsTheCommandsOwn() {
        CliRun run = run(new CountingKubeconfig(), "use", "nope");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("[error] Cluster 'nope' does not exist in the management plane. "
                        + "Run 'meridian cluster list' to see the connected clusters.\n");
    }

    @Test
    void startsOnlyForSwitchesAndListings() {
        CliEnvironment environment =
                new CliEnvironment(Map.of("KUBECONFIG", kubeconfig.toString()), home, Clock.systemUTC());
        assertThat(Prefetch.start(environment, "cluster", "use", "eu-west")).isNotSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "--context=management", "-v", "use", "eu-west", "--print"))
                .isNotSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "cluster", "ls", "-o", "json")).isNotSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "use", "-")).isNotSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "context", "list")).isNotSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "cluster", "list", "--watch")).isSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "agent", "status", "--cluster", "eu-west"))
                .isSameAs(Prefetch.NONE);
        assertThat(Prefetch.start(environment, "endpoint", "show", "eu-west")).isSameAs(Prefetch.NONE);
    }

    @Test
    void commandsThatReadOnlyTheKubeconfigReadItWithTheOneEngine() {
        run(new CountingKubeconfig(), "cluster", "use", "eu-west");
        CountingKubeconfig counting = new CountingKubeconfig();

        CliRun back = run(counting, "use", "-");
        CliRun contexts = run(counting, "context", "list");

        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.err()).isEqualTo("[done] √ Switched back to kube context management\n");
        assertThat(contexts.exitCode()).as(contexts.toString()).isZero();
        assertThat(contexts.out()).contains("meridian_eu-west");
        assertThat(counting.engines()).as("one engine per command").isEqualTo(2);
    }

    @Test
    void anUnknownOptionStopsTheCommandBeforeItsReadsMatter() {
        CliRun run = run(new CountingKubeconfig(), "cluster", "use", "eu-west", "--nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Unknown option: '--nope'");
    }
}
