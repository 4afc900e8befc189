package dev.meridian.app.ui.shell;

import static org.awaitility.Awaitility.await;

import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.fleet.ClusterRow;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs the real main window headless (Monocle) against a mock management plane reached through a
 * kubeconfig in a temp directory; settings live in a temp config directory too.
 */
abstract class GuiTestSupport extends FxRobot {
    @TempDir
    Path temp;

    MockManagementPlane plane;
    MainWindow window;
    Stage stage;
    DesktopEnvironment environment;

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startPlane() throws IOException {
        plane = new MockManagementPlane();
        useKubeconfig(plane.writeKubeconfig(temp.resolve("kube").resolve("config")));
    }

    /** Opens the window; with {@code rememberPlane} as if the user had connected to the mock before. */
    void openWindow(boolean rememberPlane, DesktopServices services) throws TimeoutException {
        openWindow(rememberPlane ? "management" : null, services);
    }

    /** Reads kube contexts from {@code kubeconfig} (e.g. the sandbox's) instead of the mock's. */
    void useKubeconfig(Path kubeconfig) {
        environment = new DesktopEnvironment(
                Map.of(
                        "KUBECONFIG",
                        kubeconfig.toString(),
                        "XDG_CONFIG_HOME",
                        temp.resolve("config").toString()),
                temp.resolve("home"),
                "Linux",
                Clock.systemUTC());
    }

    /** Opens the window connected to {@code planeContext}, as if the user had picked it before; null for none. */
    void openWindow(String planeContext, DesktopServices services) throws TimeoutException {
        Settings settings = Settings.defaults().withWindow(new Settings.WindowBounds(0, 0, 1600, 1000, false));
        new SettingsStore(environment.configDirectory())
                .save(planeContext != null ? settings.withPlaneContext(planeContext) : settings);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> window = MainWindow.open(stage, environment, services));
    }

    void openWindow() throws TimeoutException {
        openWindow(true, DesktopServices.none());
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        if (window != null) {
            FxToolkit.setupFixture(() -> {
                stage.hide();
                window.close();
            });
        }
        plane.close();
    }

    @SuppressWarnings("unchecked")
    TableView<ClusterRow> table() {
        return (TableView<ClusterRow>) lookup("#clusterTable").query();
    }

    /** The names of the rows the table shows, in their order. */
    java.util.List<String> shownNames() {
        return onFx(() -> table().getItems().stream().map(ClusterRow::name).toList());
    }

    /**
     * The text a person reads in the node {@code query} finds: a label's, or its labels' one per line; a label that
     * breaks its lines itself (for URLs) has the whole text as its accessible text.
     */
    String text(String query) {
        return onFx(() -> {
            javafx.scene.Node node = lookup(query).query();
            return node instanceof Labeled labeled
                    ? whole(labeled)
                    : node.lookupAll(".label").stream()
                            .map(n -> whole((Labeled) n))
                            .collect(java.util.stream.Collectors.joining("\n"));
        });
    }

    private static String whole(Labeled labeled) {
        return labeled.getAccessibleText() != null ? labeled.getAccessibleText() : labeled.getText();
    }

    /** Scrolls the detail pane so that the node {@code query} finds sits in its middle, where a person clicks it. */
    void scrollDetailTo(String query) {
        onFx(() -> {
            javafx.scene.control.ScrollPane scroll =
                    (javafx.scene.control.ScrollPane) lookup("#detailScroll").query();
            javafx.scene.Node content = scroll.getContent();
            javafx.scene.Node node = lookup(query).query();
            double y = content.sceneToLocal(node.localToScene(node.getLayoutBounds()))
                    .getMinY();
            double viewport = scroll.getViewportBounds().getHeight();
            double range = content.getLayoutBounds().getHeight() - viewport;
            scroll.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (y - viewport / 2) / range)));
            return null;
        });
        sleep(200);
    }

    /** Where the node {@code query} finds stands, in scene coordinates: its top. */
    double sceneY(String query) {
        return onFx(() -> {
            javafx.scene.Node node = lookup(query).query();
            return node.localToScene(node.getLayoutBounds()).getMinY();
        });
    }

    void awaitShown(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> shownNames().size() == count);
    }

    /** Selects a cluster by clicking its name cell. */
    void clickCluster(String name) {
        awaitCell(name);
        clickOn(lookup(".table-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(name))
                .<Node>query());
    }

    void awaitCell(String text) {
        await().atMost(Duration.ofSeconds(20))
                .alias("a table cell showing '" + text + "'")
                .conditionEvaluationListener(c -> {
                    if (c.getRemainingTimeInMS() <= c.getPollInterval().toMillis()) {
                        System.out.println("cells: " + cellTexts());
                    }
                })
                .until(() -> cellTexts().contains(text));
    }

    /** The texts of the table's visible cells. */
    java.util.List<String> cellTexts() {
        return onFx(() -> table().lookupAll(".table-cell").stream()
                .map(n -> ((Labeled) n).getText())
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    /** Scrolls the detail pane so that the node {@code query} finds is in view, for the robot to click it. */
    void reveal(String query) {
        onFx(() -> {
            javafx.scene.control.ScrollPane scroll =
                    (javafx.scene.control.ScrollPane) lookup(".detail-scroll").query();
            Node node = lookup(query).query();
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()))
                    .getMinY();
            double extra = content.getBoundsInLocal().getHeight()
                    - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(extra <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / extra)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T onFx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
