package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/** The switching commands, with what they write read back by the real kubectl. */
class ContextCommandsIT {
    @TempDir
    Path home;

    private MockManagementPlane plane;
    private Path kubeconfig;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws Exception {
        plane = new MockManagementPlane();
        kubeconfig = plane.writeKubeconfig(home.resolve("config"));
        kubectl = new Kubectl(home, kubeconfig);
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private CliRun meridian(String... args) {
        return CliRun.withKubeconfig(home, kubeconfig, args);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> minified() {
        Kubectl.Result view = kubectl.run("config", "view", "--minify", "--raw", "-o", "json");
        assertThat(view.exitCode()).as(view.toString()).isZero();
        return Serialization.unmarshal(view.out(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> config, String section, String key) {
        return (Map<String, Object>)
                ((List<Map<String, Object>>) config.get(section)).get(0).get(key);
    }

    @Test
    void clusterUseWritesADirectContextKubectlReads() {
        String ca = TestCertificates.base64Pem(TestCertificates.validCa("eu-ca"));
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com:8443", Annotations.CA_DATA, ca));

        CliRun run = meridian("cluster", "use", "eu-west");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> messages = run.err().lines().toList();
        assertThat(messages.get(0)).isEqualTo("[info] Using direct cluster endpoint at https://eu.example.com:8443");
        assertThat(messages).last().isEqualTo("[done] √ Successfully updated kube context to use cluster eu-west");
        assertThat(kubectl.run("config", "current-context").out().strip()).isEqualTo("meridian_eu-west");
        Map<String, Object> config = minified();
        assertThat(first(config, "clusters", "cluster"))
                .containsEntry("server", "https://eu.example.com:8443/kubernetes/cluster")
                .containsEntry("certificate-authority-data", ca)
                .doesNotContainKey("insecure-skip-tls-verify");
        assertThat(first(config, "users", "user")).containsEntry("token", "management-token");
    }

    @Test
    void centralRouteFromAMeridianContextUsesTheManagementContextItCameFrom() {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of());

        assertThat(meridian("cluster", "use", "eu-west").exitCode()).isZero();
        assertThat(first(minified(), "clusters", "cluster")).containsEntry("insecure-skip-tls-verify", true);

        CliRun central = meridian("cluster", "use", "us-east");
        assertThat(central.exitCode()).as(central.toString()).isZero();
        assertThat(central.err()).doesNotContain("Using direct cluster endpoint");
        assertThat(first(minified(), "clusters", "cluster"))
                .containsEntry("server", plane.url() + "/kubernetes/cluster/us-east")
                .containsEntry("insecure-skip-tls-verify", true);

        // As kubectx: back to the context the last switch left, and again back where it came from.
        CliRun back = meridian("use", "-");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(kubectl.run("config", "current-context").out().strip()).isEqualTo("meridian_eu-west");
        assertThat(meridian("use", "-").exitCode()).isZero();
        assertThat(kubectl.run("config", "current-context").out().strip()).isEqualTo("meridian_us-east");
    }

    @Test
    void spaceUsePrintWritesNothingAndPrintsTheFragment() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        String before = Files.readString(kubeconfig);

        CliRun run = meridian("space", "use", "team-a", "--cluster", "eu-west", "--print");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(kubeconfig)).isEqualTo(before);
        assertThat(run.err()).startsWith("[info] Using direct cluster endpoint at https://eu.example.com");
        Map<String, Object> fragment = Serialization.unmarshal(run.out(), new TypeReference<Map<String, Object>>() {});
        assertThat(fragment.get("current-context")).isEqualTo("meridian_team-a_eu-west");
        assertThat(first(fragment, "contexts", "context")).containsEntry("namespace", "team-a");
    }

    @Test
    void contextListShowsRoutesAndTheCurrentOne() {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of());
        meridian("cluster", "use", "us-east");
        meridian("cluster", "use", "eu-west");

        CliRun list = meridian("context", "list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out())
                .containsPattern(
                        "\\*\\s+meridian_eu-west\\s+eu-west\\s+-\\s+Direct\\s+https://eu.example.com/kubernetes/cluster")
                .containsPattern("\\s+meridian_us-east\\s+us-east\\s+-\\s+Central\\s+"
                        + java.util.regex.Pattern.quote(plane.url()));
    }

    @Test
    void anInvalidStoredEndpointIsRefusedWithTheReason() {
        plane.addCluster("bad", Map.of(Annotations.ENDPOINT, "https://bad.example.com/x"));
        CliRun run = meridian("cluster", "use", "bad");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("direct endpoint of cluster 'bad' is invalid", "meridian endpoint clear bad");
    }

    @Test
    void spaceCreateThroughAnUnreachableRouteSaysSoAndSwitchesNothing() {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "127.0.0.1:9", Annotations.INSECURE, "true"));
        CliRun run = meridian("space", "create", "team-a", "--cluster", "eu-west");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("Could not create space 'team-a' in cluster 'eu-west'", "unreachable");
        assertThat(kubectl.run("config", "current-context").out().strip()).isEqualTo("management");
    }

    @Test
    void aClientCertificateUserCannotBeCarriedAndTheMessageSaysWhy() throws Exception {
        plane.addCluster("eu-west", Map.of());
        Files.writeString(
                kubeconfig,
                Files.readString(kubeconfig)
                        .replace(
                                "token: management-token", "client-certificate-data: Zm9v\n    client-key-data: YmFy"));
        CliRun run = meridian("cluster", "use", "eu-west");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("client certificate");
    }

    @Test
    void useDashWithoutHistorySaysWhatItNeeds() {
        CliRun run = meridian("use", "-");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No previous context is remembered");
    }
}
