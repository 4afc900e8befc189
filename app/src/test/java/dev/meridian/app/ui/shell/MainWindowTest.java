package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.settings.SettingsStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class MainWindowTest extends GuiTestSupport {

    @Test
    void tableShowsTheClustersAndFollowsAddChangeAndRemove() throws Exception {
        plane.addCluster("us-east", Map.of());
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com"));
        openWindow();

        awaitShown(2);
        assertThat(shownNames()).as("sorted by name").containsExactly("eu-west", "us-east");
        assertThat(stage.getTitle()).startsWith("Meridian");
        awaitCell("eu.example.com");
        assertThat(text("#statusClusters")).isEqualTo("2 clusters");
        assertThat(text("#statusDirect")).isEqualTo("1 direct");

        plane.addCluster("ap-south", Map.of());
        awaitShown(3);
        assertThat(shownNames()).containsExactly("ap-south", "eu-west", "us-east");

        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName("us-east")
                .edit(r -> {
                    r.getMetadata().setAnnotations(new HashMap<>(Map.of(Annotations.ENDPOINT, "us.example.com:8443")));
                    return r;
                });
        awaitCell("us.example.com:8443");
        await().atMost(Duration.ofSeconds(10)).until(() -> text("#statusDirect").equals("2 direct"));

        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName("eu-west")
                .delete();
        awaitShown(2);
        assertThat(shownNames()).containsExactly("ap-south", "us-east");
        assertThat(text("#statusUnhealthy")).isEqualTo("0 unhealthy");
    }

    @Test
    void statusBarCountsUnhealthyClusters() throws Exception {
        GenericKubernetesResource sick = dev.meridian.app.testing.MockManagementPlane.cluster("sick", Map.of());
        sick.setAdditionalProperty("status", Map.of("phase", "Failed", "reason", "AgentNotReady"));
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .resource(sick)
                .create();
        plane.addCluster("fine", Map.of());
        openWindow();

        awaitShown(2);
        assertThat(text("#statusUnhealthy")).isEqualTo("1 unhealthy");
        awaitCell("Failed (AgentNotReady)");
        assertThat(text("#statusPlane")).isEqualTo("Plane: management");
    }

    @Test
    void filterNarrowsTheTableAndEscapeClearsIt() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com"));
        plane.addCluster("eu-north", Map.of());
        plane.addCluster("us-east", Map.of());
        openWindow();
        awaitShown(3);

        clickOn("#filter").write("eu");
        await().atMost(Duration.ofSeconds(5)).until(() -> shownNames().size() == 2);
        assertThat(shownNames()).containsExactly("eu-north", "eu-west");

        write(" direct");
        await().atMost(Duration.ofSeconds(5)).until(() -> shownNames().size() == 1);
        assertThat(shownNames()).containsExactly("eu-west");

        type(javafx.scene.input.KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> shownNames().size() == 3);
    }

    @Test
    void theFiltersClearButtonShowsEveryClusterAgain() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.addCluster("us-east", Map.of());
        openWindow();
        awaitShown(2);

        clickOn("#filter").write("eu");
        await().atMost(Duration.ofSeconds(5)).until(() -> shownNames().size() == 1);
        sleep(500); // the button fades in
        clickOn(lookup("#filter .clear-button").queryAs(javafx.scene.Node.class));

        await().atMost(Duration.ofSeconds(5)).until(() -> shownNames().size() == 2);
        assertThat(onFx(() ->
                        ((javafx.scene.control.TextField) lookup("#filter").query()).getText()))
                .isEmpty();
    }

    @Test
    void keyboardMovesFromTheFilterThroughTheTableIntoTheEditor() throws Exception {
        plane.addCluster("a-one", Map.of());
        plane.addCluster("b-two", Map.of());
        openWindow();
        awaitShown(2);

        clickOn("#filter");
        type(javafx.scene.input.KeyCode.DOWN);
        await().atMost(Duration.ofSeconds(5)).until(() -> "Cluster a-one".equals(text("#detailTitle")));
        type(javafx.scene.input.KeyCode.DOWN);
        await().atMost(Duration.ofSeconds(5)).until(() -> "Cluster b-two".equals(text("#detailTitle")));
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> lookup("#endpointHost").query().isFocused())).isTrue();
    }

    @Test
    void firstRunShowsTheWelcomeViewAndConnectsToThePickedContext() throws Exception {
        plane.addCluster("eu-west", Map.of());
        openWindow(false, DesktopServices.none());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> lookup("#welcome").query().isVisible()
                        && ((ListView<?>) lookup("#welcomeContexts").query())
                                .getItems()
                                .contains("management")));
        assertThat(lookup("#welcomeSandbox").tryQuery())
                .as("no sandbox button without the sandbox module")
                .isEmpty();
        clickOn("management");
        clickOn("#welcomeConnect");

        awaitShown(1);
        assertThat(onFx(() -> lookup("#welcome").query().isVisible())).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> new SettingsStore(environment.configDirectory())
                        .load()
                        .planeContext()
                        .orElse("")
                        .equals("management"));
    }

    @Test
    void aRememberedPlaneOpensOnConnectingWithoutBuildingTheWelcomeView() throws Exception {
        plane.addCluster("eu-west", Map.of());
        openWindow("management", DesktopServices.none());

        // In the first frame already: the table says it is connecting; the welcome view and the
        // detail pane's editor are not built until they are needed (issue #9: start-up time).
        assertThat(onFx(() -> window.model().connectionProperty().get())).isNotEqualTo(MainViewModel.Connection.NONE);
        assertThat(onFx(() -> lookup(".welcome").tryQuery()))
                .as("welcome view built")
                .isEmpty();
        assertThat(onFx(() -> lookup("#endpointHost").tryQuery()))
                .as("editor built before a selection")
                .isEmpty();

        // The status bar's progress runs while the plane is being connected to, and stops once it is.
        assertThat(onFx(() -> window.model().connectionProperty().get() == MainViewModel.Connection.CONNECTING
                        ? statusProgress() == -1
                        : statusProgress() == 0))
                .isTrue();
        awaitShown(1);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        onFx(() -> window.model().connectionProperty().get() == MainViewModel.Connection.CONNECTED));
        assertThat(onFx(this::statusProgress)).isZero();
        clickOn("eu-west");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> onFx(() -> lookup("#endpointHost").tryQuery().isPresent()));
    }

    private double statusProgress() {
        return ((org.controlsfx.control.StatusBar) lookup("#statusBar").query()).getProgress();
    }

    @Test
    void whenTheSandboxIsTheOnlyPlaneTheWindowConnectsToItWithoutAsking() throws Exception {
        // A terminal runs `meridian sandbox --dir ...`: its context is the kubeconfig's only plane.
        plane.addCluster("eu-west", Map.of());
        java.nio.file.Path kubeconfig =
                plane.writeKubeconfig(temp.resolve("sandbox-kube").resolve("config"));
        java.nio.file.Files.writeString(
                kubeconfig,
                java.nio.file.Files.readString(kubeconfig)
                        .replace("management", dev.meridian.app.sandbox.Sandbox.CONTEXT));
        useKubeconfig(kubeconfig);
        openWindow((String) null, DesktopServices.none());

        awaitShown(1);
        assertThat(onFx(() -> window.model().planeContextProperty().get()))
                .isEqualTo(dev.meridian.app.sandbox.Sandbox.CONTEXT);
    }

    @Test
    void aRememberedPlaneThatIsNoLongerInTheKubeconfigFallsBackToTheWelcomeView() throws Exception {
        openWindow("gone-context", DesktopServices.none());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> lookup("#welcome").query().isVisible()
                        && lookup(".welcome").tryQuery().isPresent()));
        assertThat(onFx(() -> window.model().connectionProperty().get())).isEqualTo(MainViewModel.Connection.NONE);
    }
}
