package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

class FleetCommandsTest {
    @TempDir
    Path home;

    private MockManagementPlane plane;
    private String kubeconfig;

    @BeforeEach
    void start() throws Exception {
        plane = new MockManagementPlane();
        kubeconfig = plane.writeKubeconfig(home.resolve("mgmt.yaml")).toString();
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private CliRun meridian(String... args) {
        return CliRun.withKubeconfig(home, kubeconfig, args);
    }

    @Test
    void clusterListPrintsATable() {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of());

        CliRun run = meridian("cluster", "list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("NAME").contains("DISPLAY NAME", "PHASE", "ROUTE", "ENDPOINT", "TLS");
        assertThat(lines.get(1))
                .startsWith("eu-west")
                .contains("Cluster eu-west", "Initialized", "Direct", "eu.example.com", "Insecure");
        assertThat(lines.get(2)).startsWith("us-east").contains("Central");
    }

    @Test
    void clusterListAsJsonAndYamlIsMachineReadable() {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com:8443"));

        CliRun json = meridian("cluster", "list", "-o", "json");
        CliRun yaml = meridian("cluster", "list", "-o", "yaml");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        Map<String, Object> parsedJson =
                Serialization.unmarshal(json.out(), new TypeReference<Map<String, Object>>() {});
        Map<String, Object> parsedYaml =
                Serialization.unmarshal(yaml.out(), new TypeReference<Map<String, Object>>() {});
        assertThat(parsedJson).isEqualTo(parsedYaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) parsedJson.get("items")).get(0);
        assertThat(first).containsEntry("name", "eu-west").containsEntry("route", "Direct");
        assertThat(first.get("endpoint")).asString().contains("https://eu.example.com:8443/kubernetes/cluster");
    }

    @Test
    void endpointSetShowAndClear() throws Exception {
        plane.addCluster("eu-west", Map.of("keep", "me"));
        Path caFile = home.resolve("ca.crt");
        Files.writeString(caFile, TestCertificates.pem(TestCertificates.validCa("eu-west-ca")));

        CliRun set = meridian("endpoint", "set", "eu-west", "https://eu.example.com/", "--ca-file", caFile.toString());
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.err()).contains("[info] Normalised 'https://eu.example.com/' to 'eu.example.com'");
        assertThat(set.err())
                .contains("[done] √ Direct endpoint of cluster eu-west set to "
                        + "https://eu.example.com/kubernetes/cluster (TLS: CA)");

        CliRun show = meridian("endpoint", "show", "eu-west");
        assertThat(show.out())
                .contains(
                        "Route:     Direct",
                        "Endpoint:  eu.example.com",
                        "TLS:       CA",
                        "CA:        subject CN=eu-west-ca");

        CliRun clear = meridian("endpoint", "clear", "eu-west");
        assertThat(clear.exitCode()).as(clear.toString()).isZero();
        assertThat(plane.read("eu-west").getMetadata().getAnnotations()).containsOnlyKeys("keep");
        assertThat(meridian("endpoint", "show", "eu-west").out()).contains("Route:     Central");
    }

    @Test
    void hostileInputIsRefusedWithExitCode2AndNothingWritten() throws Exception {
        plane.addCluster("eu-west", Map.of());
        String before = plane.read("eu-west").getMetadata().getResourceVersion();
        String expired = TestCertificates.base64Pem(TestCertificates.selfSignedCa(
                "old", Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))));
        Path derFile = home.resolve("ca.der");
        Files.write(derFile, TestCertificates.validCa("der").getEncoded());

        List<String[]> hostile = List.of(
                new String[] {"endpoint", "set", "eu-west", "eu.example.com", "--ca-data", "not base64!"},
                new String[] {"endpoint", "set", "eu-west", "eu.example.com", "--ca-file", derFile.toString()},
                new String[] {"endpoint", "set", "eu-west", "eu.example.com", "--ca-data", expired},
                new String[] {"endpoint", "set", "eu-west", "eu.example.com/kubernetes"},
                new String[] {"endpoint", "set", "eu-west", "eu example.com"},
                new String[] {"endpoint", "set", "eu-west", "ftp://eu.example.com"},
                new String[] {"endpoint", "set", "eu-west", "a".repeat(1024 * 1024)},
                new String[] {
                    "endpoint",
                    "set",
                    "eu-west",
                    "eu.example.com",
                    "--ca-file",
                    home.resolve("missing").toString()
                });
        for (String[] args : hostile) {
            CliRun run = meridian(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString()).startsWith("[error] ").doesNotContain("\tat ");
        }
        assertThat(plane.read("eu-west").getMetadata().getResourceVersion()).isEqualTo(before);
    }

    @Test
    void aStaleResourceVersionIsAConflictWithExitCode3() {
        plane.addCluster("eu-west", Map.of());
        String stale = plane.read("eu-west").getMetadata().getResourceVersion();
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName("eu-west")
                .edit(c -> {
                    c.getMetadata().getAnnotations().put("other", "writer");
                    return c;
                });

        CliRun run = meridian("endpoint", "set", "eu-west", "eu.example.com", "--resource-version", stale);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("changed by someone else");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                .containsEntry("other", "writer")
                .doesNotContainKey(Annotations.ENDPOINT);
    }

    @Test
    void unknownClusterIsExitCode2() {
        CliRun run = meridian("endpoint", "show", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Cluster 'nope' does not exist", "meridian cluster list");
    }

    @Test
    void unreachableManagementPlaneIsExitCode4WithoutStackTrace() throws Exception {
        plane.close();
        CliRun run = meridian("cluster", "list");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("unreachable").doesNotContain("\tat ");

        CliRun verbose = meridian("cluster", "list", "--verbose");
        assertThat(verbose.err()).contains("\tat ");
        plane = new MockManagementPlane();
    }

    @Test
    void missingKubeconfigSaysWhatToDo() {
        CliRun explicit = CliRun.run(
                home,
                "cluster",
                "list",
                "--kubeconfig",
                home.resolve("none.yaml").toString());
        assertThat(explicit.exitCode()).as(explicit.toString()).isEqualTo(2);
        assertThat(explicit.err()).contains("none.yaml does not exist");

        CliRun nothing = CliRun.run(home.resolve("empty-home"), "cluster", "list");
        // No kubeconfig is invalid input (2), not an unreachable plane (4).
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(2);
        assertThat(nothing.err()).contains("config does not exist").contains("meridian sandbox");
    }

    @Test
    void usageErrorsAreExitCode1() {
        CliRun run = CliRun.run(home, "endpoint", "set", "only-one-arg");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Missing required parameter");
    }

    @Test
    void everyCommandHasHelpAndCompletionCoversThem() {
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"cluster", "list", "--help"},
                new String[] {"endpoint", "set", "--help"},
                new String[] {"endpoint", "clear", "--help"})) {
            CliRun run = CliRun.run(home, args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Usage: meridian");
        }
        CliRun completion = CliRun.run(home, "completion");
        assertThat(completion.out()).contains("complete -F", "endpoint", "cluster");
    }

    /** Runs 'cluster list --watch' with {@code extra} arguments on a thread; its output goes to {@code out}. */
    private Thread watch(StringWriter out, String... extra) {
        CliEnvironment environment = new CliEnvironment(Map.of(), home, Clock.systemUTC());
        List<String> args =
                new java.util.ArrayList<>(List.of("cluster", "list", "--watch", "--kubeconfig", kubeconfig));
        args.addAll(List.of(extra));
        Thread watcher = new Thread(() -> Cli.run(
                environment, new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new)));
        watcher.start();
        return watcher;
    }

    private static long linesStartingWith(StringWriter out, String start) {
        return out.toString().lines().filter(l -> l.startsWith(start)).count();
    }

    @Test
    void watchPrintsTheTableThenOneRowPerChangeAsKubectlDoes() throws Exception {
        plane.addCluster("first", Map.of());
        StringWriter out = new StringWriter();
        Thread watcher = watch(out);
        try {
            await().untilAsserted(() -> assertThat(out.toString()).startsWith("NAME "));
            assertThat(out.toString().lines().toList().get(1)).startsWith("first ");
            plane.addCluster("second", Map.of());
            await().untilAsserted(
                            () -> assertThat(linesStartingWith(out, "second ")).isEqualTo(1));
            meridian("endpoint", "set", "second", "second.example.com");
            await().untilAsserted(() -> assertThat(out.toString())
                    .containsPattern(
                            "(?m)^second +Cluster second +\\S+ +Direct +second\\.example\\.com +System trust$"));
            plane.client()
                    .genericKubernetesResources(FleetService.CLUSTERS)
                    .withName("first")
                    .delete();
            await().untilAsserted(() ->
                    assertThat(out.toString()).containsPattern("(?m)^first +Cluster first +Deleted +Central"));
            // The watch's own first report of 'first' (already in the table) was not printed again.
            assertThat(linesStartingWith(out, "first ")).isEqualTo(2);
            assertThat(out.toString()).doesNotContain("ADDED");
        } finally {
            watcher.interrupt();
            watcher.join(10_000);
        }
        assertThat(watcher.isAlive()).isFalse();
    }

    @Test
    void watchAsJsonPrintsOneTypedDocumentPerEvent() throws Exception {
        plane.addCluster("first", Map.of());
        StringWriter out = new StringWriter();
        Thread watcher = watch(out, "-o", "json");
        try {
            await().untilAsserted(() -> assertThat(out.toString()).contains("\"type\" : \"ADDED\""));
            plane.addCluster("second", Map.of());
            meridian("endpoint", "set", "second", "second.example.com");
            await().untilAsserted(() -> assertThat(out.toString()).contains("\"type\" : \"MODIFIED\""));
            plane.client()
                    .genericKubernetesResources(FleetService.CLUSTERS)
                    .withName("first")
                    .delete();
            await().untilAsserted(() -> assertThat(out.toString()).contains("\"type\" : \"DELETED\""));
            assertThat(out.toString()).doesNotContain("NAME ");
        } finally {
            watcher.interrupt();
            watcher.join(10_000);
        }
        assertThat(watcher.isAlive()).isFalse();
    }
}
