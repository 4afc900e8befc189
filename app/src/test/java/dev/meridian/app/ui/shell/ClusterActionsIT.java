package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The actions other modules plug in: they appear only when plugged in, and do what they say. */
class ClusterActionsIT extends GuiTestSupport {

    @Test
    void probeResultsFillTheHealthColumnAndTheUnhealthyCount() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com"));
        plane.addCluster("us-east", Map.of(Annotations.ENDPOINT, "us.example.com"));
        DesktopServices services = DesktopServices.none()
                .withHealth(cluster -> cluster.name().equals("eu-west")
                        ? new HealthSummary(
                                HealthSummary.Verdict.DEGRADED,
                                Optional.of(Duration.ofMillis(42)),
                                Optional.empty(),
                                "Certificate expires in 5 days.")
                        : new HealthSummary(
                                HealthSummary.Verdict.UP, Optional.of(Duration.ofMillis(7)), Optional.empty(), "Up."));
        openWindow(true, services);

        awaitCell("Degraded · 42 ms");
        awaitCell("Up · 7 ms");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text("#statusUnhealthy").equals("1 unhealthy"));
        assertThat(lookup("#probeAll").tryQuery()).isPresent();
        assertThat(lookup("#useCluster").tryQuery())
                .as("no kubeconfig module plugged in")
                .isEmpty();
    }

    @Test
    void useClusterSwitchesTheKubeContextAsKubectlSeesIt() throws Exception {
        plane.addCluster("eu-west", Map.of());
        Path kubeconfig = Path.of(environment.env().get("KUBECONFIG"));
        openWindow(true, DesktopServices.none().withContexts(new KubeconfigContextActions(environment.kubeconfig())));

        clickCluster("eu-west");
        clickOn("#useCluster");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> kubectlCurrentContext(kubeconfig).contains("eu-west"));
        assertThat(kubectlCurrentContext(kubeconfig)).startsWith("meridian_");
        // The window shows which cluster the current context points at, as the tray does.
        await().atMost(Duration.ofSeconds(10)).until(() -> marked("eu-west"));
        assertThat(marked("us-east")).isFalse();
        assertThat(text("#statusContext")).isEqualTo("Context: meridian_eu-west");
    }

    @Test
    void theClusterTheCurrentContextPointsAtIsMarkedFromTheStart() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.addCluster("us-east", Map.of());
        environment
                .kubeconfig()
                .writeAndSwitch(dev.meridian.app.kubeconfig.ContextSpec.of(
                        "us-east", null, null, environment.kubeconfig().managementAccess("management")));
        openWindow(true, DesktopServices.none());

        await().atMost(Duration.ofSeconds(10)).until(() -> marked("us-east"));
        assertThat(marked("eu-west")).isFalse();
        assertThat(text("#statusContext")).isEqualTo("Context: meridian_us-east");
    }

    /** Whether the Name cell of {@code cluster} carries the current-context marker. */
    private boolean marked(String cluster) throws Exception {
        return onFx(() -> lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getTableColumn() != null
                        && "Name".equals(cell.getTableColumn().getText())
                        && cluster.equals(cell.getText())
                        && cell.getGraphic() != null
                        && cell.getGraphic().getStyleClass().contains("current-marker"))
                .tryQuery()
                .isPresent());
    }

    private String kubectlCurrentContext(Path kubeconfig) throws IOException, InterruptedException {
        Path home = Files.createDirectories(temp.resolve("kubectl-home"));
        ProcessBuilder builder = new ProcessBuilder(
                "/usr/bin/kubectl", "config", "current-context", "--kubeconfig", kubeconfig.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output;
    }
}
