package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.tray.TrayMenu.Choice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.awt.TrayIcon.MessageType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** What the tray does behind its menu, headless, against the sandbox and checked with the real kubectl. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrayWorkIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private Sandbox sandbox;
    private Kubectl kubectl;
    private TrayWork work;
    private final List<TrayMenu> menus = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(new SandboxOptions(temp.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        kubectl = new Kubectl(temp.resolve("home"), sandbox.kubeconfig());
        KubeconfigService kubeconfig = new KubeconfigService(
                KubeconfigLocations.of(Map.of("KUBECONFIG", sandbox.kubeconfig().toString()), temp.resolve("home")));
        List<ClusterInfo> clusters;
        try (KubernetesClient client = ContextClients.open(kubeconfig, Sandbox.CONTEXT)) {
            clusters = new FleetService(client, Clock.systemUTC()).list();
        }
        work = new TrayWork(
                kubeconfig,
                ClusterProber.withProber(Prober.create()),
                new TraySettings(temp.resolve("config")),
                new TrayWork.View() {
                    @Override
                    public void show(TrayMenu menu, TrayMenu before) {
                        menus.add(menu);
                    }

                    @Override
                    public void message(MessageType type, String text) {
                        messages.add(type + ": " + text);
                    }
                });
        work.setSnapshot(new TraySession.Snapshot(Sandbox.CONTEXT, clusters));
    }

    @AfterAll
    void stop() {
        work.close();
        sandbox.close();
    }

    private TrayMenu lastMenu() {
        assertThat(menus).as("menus shown").isNotEmpty();
        return menus.get(menus.size() - 1);
    }

    @Test
    @Order(1)
    void probeAllMarksEveryClusterUp() {
        work.probeAll();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(lastMenu().entries())
                        .filteredOn(Choice.class::isInstance)
                        .extracting(TrayMenu.Entry::label)
                        .containsExactly(
                                "eu-west (Europe West) \u00B7 Up",
                                "us-east (US East) \u00B7 Up",
                                "ap-south (Asia Pacific South) \u00B7 Up"));
    }

    @Test
    @Order(2)
    void usingACentralClusterWritesTheCentralRouteLikeTheCli() {
        work.use("ap-south", null);

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(messages).contains("INFO: Switched to meridian_ap-south (central route)."));
        assertThat(kubectl.run("config", "current-context").out().trim()).isEqualTo("meridian_ap-south");
        assertThat(kubectl.run("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}")
                        .out())
                .isEqualTo(sandbox.gatewayUrl() + "/kubernetes/cluster/ap-south");
        assertThat(lastMenu().currentCluster()).contains("ap-south");
        assertThat(lastMenu().iconHealth()).isEqualTo(dev.meridian.app.health.HealthSummary.Verdict.UP);
    }

    @Test
    @Order(3)
    void aMissingSpaceIsReportedAndTheContextStays() {
        work.use("eu-west", "no-such-space");

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(messages)
                                .anyMatch(
                                        m -> m.startsWith(
                                                "ERROR: Could not switch to eu-west: Space 'no-such-space' does not exist in cluster 'eu-west'.")));
        assertThat(kubectl.run("config", "current-context").out().trim()).isEqualTo("meridian_ap-south");
    }

    @Test
    @Order(4)
    void backReturnsToThePlaneContext() {
        work.back();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messages).contains("INFO: Switched back to " + Sandbox.CONTEXT + "."));
        assertThat(kubectl.run("config", "current-context").out().trim()).isEqualTo(Sandbox.CONTEXT);
    }
}
