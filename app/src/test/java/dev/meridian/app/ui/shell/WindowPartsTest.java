package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.ui.hooks.AgentInstallerLauncher;
import dev.meridian.app.ui.hooks.ContextActions;
import dev.meridian.app.ui.hooks.DesktopServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.control.TableColumn;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/** The window is made of the parts it is given: an unavailable part adds nothing, an offered one its actions. */
class WindowPartsTest extends GuiTestSupport {
    private static final List<String> PARTS_IDS = List.of(
            "#clusterActions",
            "#useCluster",
            "#probeCluster",
            "#installAgent",
            "#uninstallAgent",
            "#probeAll",
            "#healthSection",
            "#spacesSection");

    @Test
    void theBareWindowShowsOnlyTheFleetAndTheEditor() throws Exception {
        plane.addCluster("eu-west", Map.of());
        openWindow(true, DesktopServices.none());

        clickCluster("eu-west");
        awaitShownNode("#endpointHost");
        for (String id : PARTS_IDS) {
            assertThat(onFx(() -> lookup(id).tryQuery())).as(id).isEmpty();
        }
        assertThat(columnTitles()).doesNotContain("Health", "Central");
    }

    @Test
    void everyOfferedPartAddsItsActionsColumnsAndSections() throws Exception {
        plane.addCluster("eu-west", Map.of());
        openWindow(
                true,
                DesktopServices.none()
                        .withContexts(new StubContexts())
                        .withHealth(cluster -> new HealthSummary(
                                HealthSummary.Verdict.UP, Optional.of(Duration.ofMillis(3)), Optional.empty(), "Up."))
                        .withInstaller(new StubInstaller()));

        clickCluster("eu-west");
        awaitShownNode("#endpointHost");
        for (String id : PARTS_IDS) {
            await().atMost(Duration.ofSeconds(10))
                    .alias(id + " shown")
                    .until(() -> onFx(() -> lookup(id).tryQuery().isPresent()));
        }
        assertThat(columnTitles()).contains("Health", "Central");
    }

    @Test
    void anOfferedSandboxIsStartedFromTheWelcomeViewAndConnectedTo() throws Exception {
        plane.addCluster("eu-west", Map.of());
        AtomicInteger starts = new AtomicInteger();
        openWindow(false, DesktopServices.none().withSandbox(() -> {
            starts.incrementAndGet();
            return "management";
        }));

        awaitShownNode("#welcomeSandbox");
        clickOn("#welcomeSandbox");

        awaitShown(1);
        assertThat(starts).hasValue(1);
    }

    private void awaitShownNode(String id) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() ->
                        lookup(id).tryQuery().map(javafx.scene.Node::isVisible).orElse(false)));
    }

    private List<String> columnTitles() {
        return onFx(
                () -> table().getColumns().stream().map(TableColumn::getText).toList());
    }

    /** Offers context actions without touching a kubeconfig: the window only needs them to be there. */
    private static final class StubContexts implements ContextActions {
        @Override
        public String useCluster(ContextConnection plane, ClusterInfo cluster) {
            return "used";
        }

        @Override
        public String useSpace(ContextConnection plane, ClusterInfo cluster, String space) {
            return "used";
        }

        @Override
        public String createSpace(ContextConnection plane, ClusterInfo cluster, String space) {
            return "created";
        }

        @Override
        public List<String> spaces(ContextConnection plane, ClusterInfo cluster) {
            return List.of("default");
        }
    }

    private static final class StubInstaller implements AgentInstallerLauncher {
        @Override
        public void open(Window owner, ContextConnection plane, ClusterInfo cluster) {}

        @Override
        public void openUninstall(
                Window owner,
                ContextConnection plane,
                ClusterInfo cluster,
                Consumer<String> onDone,
                Consumer<String> onFailed) {}
    }
}
