package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spaces section against the sandbox: list, a bad name, create, use; kubectl reads the result. */
class SpacesIT extends GuiTestSupport {
    private Sandbox sandbox;
    private Kubectl kubectl;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(new SandboxOptions(temp.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        useKubeconfig(sandbox.kubeconfig());
        kubectl = new Kubectl(temp.resolve("kubectl-home"), sandbox.kubeconfig());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void listsTheClustersSpacesRejectsABadNameThenCreatesAndUsesSpacesAsKubectlSees() throws Exception {
        openWindow(
                Sandbox.CONTEXT,
                DesktopServices.none().withContexts(new KubeconfigContextActions(environment.kubeconfig())));

        awaitShown(3);
        clickCluster("eu-west");
        await().atMost(Duration.ofSeconds(20)).until(() -> spaces().contains("kube-system"));
        assertThat(spaces()).contains("default").doesNotContain("team-a");

        reveal("#spacesSection");
        clickOn("#newSpaceName").write("Team_A");
        assertThat(text("#newSpaceMessage")).contains("'Team_A' is not a valid space name", "lower-case letters");
        assertThat(lookup("#createSpace").query().isDisabled())
                .as("Create is off while the name is invalid")
                .isTrue();

        onFx(() -> {
            ((TextInputControl) lookup("#newSpaceName").query()).clear();
            return null;
        });
        clickOn("#newSpaceName").write("team-a");
        assertThat(onFx(() -> lookup("#newSpaceMessage").query().isVisible())).isFalse();
        clickOn("#createSpace");

        await().atMost(Duration.ofSeconds(20)).until(() -> spaces().contains("team-a"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sandbox.cluster("eu-west")
                                .api()
                                .client()
                                .namespaces()
                                .withName("team-a")
                                .get())
                        .as(
                                "team-a in eu-west; selected %s; namespaces per cluster: %s",
                                text("#detailTitle"),
                                sandbox.clusters().stream()
                                        .map(c -> c.name() + "="
                                                + c.api().client().namespaces().list().getItems().stream()
                                                        .map(n ->
                                                                n.getMetadata().getName())
                                                        .toList())
                                        .toList())
                        .isNotNull());
        assertThat(minified("{.contexts[0].context.namespace}")).isEqualTo("team-a");
        assertThat(kubectl.run("config", "current-context").out().strip())
                .startsWith("meridian_")
                .contains("eu-west");

        reveal("#spacesSection");
        clickOn(lookup(".list-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("default"))
                .<Node>query());
        clickOn("#useSpace");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> minified("{.contexts[0].context.namespace}").equals("default"));
        assertThat(minified("{.clusters[0].cluster.server}"))
                .isEqualTo("https://127.0.0.1:" + sandbox.cluster("eu-west").endpointPort() + "/kubernetes/cluster");
    }

    private String minified(String jsonPath) {
        Kubectl.Result view = kubectl.run("config", "view", "--minify", "-o", "jsonpath=" + jsonPath);
        assertThat(view.exitCode()).as(view.toString()).isZero();
        return view.out().strip();
    }

    @SuppressWarnings("unchecked")
    private List<String> spaces() {
        return onFx(() -> List.copyOf(((ListView<String>) lookup("#spacesList").query()).getItems()));
    }
}
