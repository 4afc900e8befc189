package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.health.Prober;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.ui.fleet.ClusterRow;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.integration.HealthProbes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health of both routes against the sandbox, whose central hop is slowed down: the table shows the
 * central route for a cluster without an endpoint and both latencies for one with it, the detail pane
 * compares them, and cells whose text may be cut off carry it in a tooltip.
 */
class HealthComparisonTest extends GuiTestSupport {
    private static final String LATENCY = "(Up|Degraded) · \\d+ ms";
    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(new SandboxOptions(
                temp.resolve("sandbox"),
                SandboxOptions.DEFAULT_CLUSTERS,
                Map.of(SandboxOptions.CENTRAL, Duration.ofMillis(60))));
        useKubeconfig(sandbox.kubeconfig());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void probesTheCentralRouteForClustersWithoutAnEndpointAndComparesBothRoutes() throws Exception {
        openWindow(
                Sandbox.CONTEXT,
                DesktopServices.none()
                        .withHealth(new HealthProbes(Prober.create(), environment.kubeconfig(), Clock.systemUTC())));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> cell("ap-south", "Health").matches(LATENCY));
        assertThat(cell("ap-south", "Central"))
                .as("a central-only cluster's health is its central route's")
                .isEqualTo(cell("ap-south", "Health").replaceAll("^\\w+ · ", ""));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cell("eu-west", "Central").matches("\\d+ ms"));
        assertThat(cell("eu-west", "Health")).matches(LATENCY);

        awaitShown(3);
        clickCluster("eu-west");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text("#healthCentral").matches(LATENCY));
        assertThat(text("#healthDirect")).matches(LATENCY);
        assertThat(text("#healthTimings")).contains("connect", "TLS", "first byte");
        assertThat(text("#healthTimingsCaption")).isEqualTo("Timings");
        assertThat(text("#healthCertificate")).isNotBlank();
        // Which route wins depends on the machine's load, not only on the simulated delay.
        assertThat(text("#healthComparison"))
                .matches("The (direct|central) route answered \\d+ ms faster than the "
                        + "(central|direct) route\\.|Both routes answered about as fast .*");

        clickCluster("ap-south");
        assertThat(text("#healthDirect")).startsWith("None: this cluster is reached through the central route");
        // Its timings are the central route's, and say so.
        assertThat(text("#healthTimingsCaption")).isEqualTo("Central timings");
        assertThat(text("#healthCentral")).matches(LATENCY);
        assertThat(text("#healthComparison")).contains("Set a direct endpoint");

        String endpoint = sandbox.cluster("eu-west").endpoint();
        assertThat(tooltipOf(endpoint)).isEqualTo(endpoint);
        assertThat(tooltipOf("Europe West")).isEqualTo("Europe West");
        assertThat(onFx(() -> cellNode("eu-west", "Health").getTooltip().getText()))
                .startsWith("Direct route: ")
                .contains("\nCentral route: ");
    }

    private String cell(String cluster, String column) {
        return onFx(() -> {
            TableCell<?, ?> cell = cellNode(cluster, column);
            return cell == null || cell.getText() == null ? "" : cell.getText();
        });
    }

    private TableCell<?, ?> cellNode(String cluster, String column) {
        return table().lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof ClusterRow row
                        && row.name().equals(cluster)
                        && c.getTableColumn().getText().equals(column))
                .findFirst()
                .orElse(null);
    }

    private String tooltipOf(String cellText) {
        return onFx(() -> table().lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> cellText.equals(c.getText()))
                .findFirst()
                .map(c -> c.getTooltip() == null ? null : c.getTooltip().getText())
                .orElseThrow());
    }
}
