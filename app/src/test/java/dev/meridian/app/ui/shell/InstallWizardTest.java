package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.Styles;
import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.health.ProbeSettings;
import dev.meridian.app.health.Prober;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.installer.apply.AgentInstaller;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.ProgressListener;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.YamlRenderer;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The install wizard, driven to the end against a second mock API server as the target cluster. */
class InstallWizardTest extends GuiTestSupport {
    private final MockManagementPlane target = new MockManagementPlane();

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void wizardShowsBadHostUnderItsFieldThenInstallsAndSetsTheClustersEndpoint() throws Exception {
        plane.addCluster("eu-west", Map.of());
        writeKubeconfigWithBothContexts();
        // The endpoint host resolves to loopback, where no agent listens: the probe says so quickly.
        AgentInstallFlow flow = flow();
        openWindow(
                true,
                DesktopServices.none()
                        .withInstaller(new InstallLauncher(
                                environment.kubeconfig()::contextNames,
                                InstallServices.desktop(flow, environment.kubeconfig(), Clock.systemUTC()))));

        clickCluster("eu-west");
        clickOn("#installAgent");
        @SuppressWarnings("unchecked")
        ComboBox<String> contexts = (ComboBox<String>) lookup("#wizardContext").query();
        assertThat(onFx(() -> List.copyOf(contexts.getItems()))).containsExactly("management", "target");
        clickOn("#wizardNext");
        assertThat(text("#wizardContextError")).startsWith("Choose the kube context of cluster eu-west");
        assertThat(text("#wizardHostError")).isEqualTo("Invalid host '': is required");
        onFx(() -> {
            contexts.getSelectionModel().select("target");
            return null;
        });
        clickOn("#wizardHost").write("Not A Host");
        assertThat(onFx(() -> ((TextInputControl) lookup("#wizardHost").query()).getText()))
                .isEqualTo("Not A Host");
        clickOn("#wizardNext");

        assertThat(text("#wizardHostError")).startsWith("Invalid host 'Not A Host'");
        assertThat(onFx(() -> lookup("#wizardYaml").tryQuery().isPresent()))
                .as("still on the first step")
                .isFalse();

        onFx(() -> {
            ((TextInputControl) lookup("#wizardHost").query()).clear();
            return null;
        });
        clickOn("#wizardHost").write("agent.eu.example.com");
        clickOn("#wizardNext");
        String expected = YamlRenderer.render(AgentManifests.build(
                InstallSpec.builder("eu-west", "agent.eu.example.com").build()));
        assertThat(onFx(() -> ((TextInputControl) lookup("#wizardYaml").query()).getText()))
                .isEqualTo(expected);

        clickOn("#wizardInstall");
        markDeploymentReady(target.client());

        await().atMost(Duration.ofSeconds(30)).until(() -> text("#wizardResult").contains("Health:"));
        assertThat(text("#wizardResult"))
                .contains("Endpoint set to https://agent.eu.example.com")
                .doesNotContain("not probed");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                .containsEntry(Annotations.ENDPOINT, "agent.eu.example.com");
        assertThat(progressLines())
                .anyMatch(line -> line.contains("Deployment"))
                .hasSizeGreaterThan(5);
        clickOn("#wizardClose");
    }

    @Test
    void uninstallNamesItsTargetThenRemovesTheAgentAndClearsTheEndpointAsTheCliDoes() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "agent.eu.example.com", Annotations.INSECURE, "true"));
        writeKubeconfigWithBothContexts();
        new AgentInstaller(target.client(), new CreateOrReplaceApplier(target.client()), Duration.ofMillis(50))
                .install(
                        InstallSpec.builder("eu-west", "agent.eu.example.com").build(),
                        InstallOptions.defaults().withWaitForRollout(false),
                        ProgressListener.NONE);
        assertThat(target.client()
                        .apps()
                        .deployments()
                        .inNamespace(InstallSpec.DEFAULT_NAMESPACE)
                        .withName("loft-agent")
                        .get())
                .isNotNull();
        openWindow(
                true,
                DesktopServices.none()
                        .withInstaller(new InstallLauncher(
                                environment.kubeconfig()::contextNames,
                                InstallServices.desktop(flow(), environment.kubeconfig(), Clock.systemUTC()))));

        clickCluster("eu-west");
        clickOn("#uninstallAgent");
        assertThat(text("#uninstallSummary")).startsWith("Choose the kube context of cluster eu-west");
        assertThat(lookup("#uninstallConfirm").query().isDisabled())
                .as("nothing to confirm without a context")
                .isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<String> contexts =
                (ComboBox<String>) lookup("#uninstallContext").query();
        onFx(() -> {
            contexts.getSelectionModel().select("target");
            return null;
        });
        assertThat(text("#uninstallSummary"))
                .contains("namespace vcluster-pro of context target", "clears the direct endpoint of cluster eu-west");

        clickOn("#uninstallConfirm");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> lookup("#uninstallResult").tryQuery().isPresent()
                        && !text("#uninstallResult").isEmpty());
        assertThat(text("#uninstallResult")).startsWith("Agent removed from cluster eu-west");
        assertThat(target.client()
                        .apps()
                        .deployments()
                        .inNamespace(InstallSpec.DEFAULT_NAMESPACE)
                        .withName("loft-agent")
                        .get())
                .isNull();
        assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                .doesNotContainKeys(Annotations.ENDPOINT, Annotations.INSECURE, Annotations.CA_DATA);
        assertThat(logLines("#uninstallProgress")).hasSizeGreaterThan(3);
        clickOn("#uninstallClose");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lookup(".notification").queryAll().stream()
                        .anyMatch(n -> onFx(() -> ((atlantafx.base.controls.Notification) n)
                                .getMessage()
                                .startsWith("Agent removed from cluster eu-west"))));
        awaitCell("Central");
    }

    @Test
    void advancedOptionsAreValidatedShownInThePreviewAndInstalled() throws Exception {
        plane.addCluster("eu-west", Map.of());
        writeKubeconfigWithBothContexts();
        openWindow(
                true,
                DesktopServices.none()
                        .withInstaller(new InstallLauncher(
                                environment.kubeconfig()::contextNames,
                                InstallServices.desktop(flow(), environment.kubeconfig(), Clock.systemUTC()))));
        startWizardOnEuWest();
        clickOn("#wizardAdvanced .title");
        replaceText("#wizardNamespace", "Bad_NS");
        clickOn("#wizardNext");
        assertThat(text("#wizardNamespaceError")).startsWith("Invalid namespace 'Bad_NS'");

        replaceText("#wizardNamespace", "edge-agent");
        replaceText("#wizardImage", "registry.example.com/meridian/agent:1.2");
        replaceText("#wizardIngressClass", "traefik");
        replaceText("#wizardTimeout", "0m");
        clickOn("#wizardNext");
        assertThat(text("#wizardTimeoutError")).contains("positive whole number", "90s");
        assertThat(onFx(() -> lookup("#wizardNamespaceError").query().isVisible()))
                .isFalse();

        replaceText("#wizardTimeout", "90s");
        clickOn("#wizardNext");
        InstallSpec expected = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .namespace("edge-agent")
                .image("registry.example.com/meridian/agent:1.2")
                .ingressClass("traefik")
                .build();
        assertThat(onFx(() -> ((TextInputControl) lookup("#wizardYaml").query()).getText()))
                .isEqualTo(YamlRenderer.render(AgentManifests.build(expected)));
        assertThat(text("#wizardPreviewHint")).contains("namespace edge-agent", "waits up to 90s");

        clickOn("#wizardBack");
        onFx(() -> {
            ((javafx.scene.control.CheckBox) lookup("#wizardWait").query()).setSelected(false);
            return null;
        });
        clickOn("#wizardNext");
        assertThat(text("#wizardPreviewHint")).contains("does not wait for the rollout");
        clickOn("#wizardInstall");
        await().atMost(Duration.ofSeconds(30)).until(() -> text("#wizardResult").contains("Health:"));
        assertThat(text("#wizardResult")).contains("namespace edge-agent", "not probed");
        var deployment = target.client()
                .apps()
                .deployments()
                .inNamespace("edge-agent")
                .withName("loft-agent")
                .get();
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry.example.com/meridian/agent:1.2");
        assertThat(target.client()
                        .network()
                        .v1()
                        .ingresses()
                        .inNamespace("edge-agent")
                        .list()
                        .getItems())
                .singleElement()
                .satisfies(i -> assertThat(i.getSpec().getIngressClassName()).isEqualTo("traefik"));
        clickOn("#wizardClose");
    }

    /** Issue 19: the wizard was drawn over the main window like a pane of it, not as a dialog. */
    @Test
    void theWizardIsADialogOwnedByTheWindowFramedAndCentredOnIt() throws Exception {
        plane.addCluster("eu-west", Map.of());
        openWizardWindow();
        clickCluster("eu-west");
        clickOn("#installAgent");

        Stage wizard = wizardStage();
        assertThat(onFx(wizard::getOwner)).isSameAs(stage);
        assertThat(onFx(wizard::getModality)).isEqualTo(Modality.WINDOW_MODAL);
        double ownerCentre = onFx(() -> stage.getX() + stage.getWidth() / 2);
        assertThat(onFx(() -> wizard.getX() + wizard.getWidth() / 2))
                .as("centred on the main window, not on the screen")
                .isCloseTo(ownerCentre, within(2.0));
        Region root = (Region) onFx(() -> wizard.getScene().getRoot());
        assertThat(onFx(() -> root.getBorder() != null
                        && root.getBorder().getStrokes().stream()
                                .anyMatch(stroke -> stroke.getWidths().getTop() > 0)))
                .as("a frame round the wizard, which no window manager may draw")
                .isTrue();
        Region header = (Region) onFx(() -> wizard.getScene().lookup(".modal-header"));
        assertThat(header).as("a header band with the title").isNotNull();
        assertThat(onFx(() -> header.getBackground().getFills().get(0).getFill()))
                .as("the header band stands apart from the page below it")
                .isNotEqualTo(onFx(() -> root.getBackground().getFills().get(0).getFill()));
        clickOn("#wizardClose");
    }

    /**
     * Issue 19: after a failure the bar stayed full and blue as if done, the log stayed empty and the error repeated
     * itself ("...run the install again... Fix the cause and run the wizard again...").
     */
    @Test
    void aFailedInstallStopsTheBarInRedLogsWhatHappenedAndSaysItOnce() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("target", "https://127.0.0.1:1"));
        openWizardWindow();
        startWizardOnEuWest();
        clickOn("#wizardNext");
        clickOn("#wizardInstall");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !text("#wizardResult").isEmpty());
        ProgressBar bar = lookup("#runBar").query();
        assertThat(onFx(bar::getProgress)).as("not full as if done").isBetween(0.0, 0.95);
        assertThat(onFx(() -> List.copyOf(bar.getStyleClass()))).contains(Styles.DANGER);
        assertThat(progressLines())
                .as("the log says what was tried and what failed")
                .anyMatch(line -> line.startsWith("Installing the agent in namespace vcluster-pro of context target"))
                .anyMatch(line -> line.startsWith("Failed: "));
        String result = text("#wizardResult");
        assertThat(result)
                .startsWith("The install did not finish. ")
                .contains("Connection refused")
                .doesNotContain("wizard again");
        assertThat(result.split("again", -1))
                .as("one instruction in: %s", result)
                .hasSizeLessThanOrEqualTo(2);

        // "Install again": Back leads to the preview, whose Install runs it once more.
        clickOn("#wizardBack");
        assertThat(onFx(() -> lookup("#wizardInstall").query().isVisible())).isTrue();
        assertThat(onFx(() -> lookup("#wizardYaml").tryQuery().isPresent()))
                .as("on the preview again")
                .isTrue();
        clickOn("#wizardClose");
    }

    /**
     * Issue 19: "Uninstall agent..." was offered on every cluster, also where nothing is installed. It is enabled
     * once the cluster, asked off the FX thread, has an agent; its tooltip says why it is not.
     */
    @Test
    void uninstallIsOfferedOnlyWhereAnAgentIsInstalled() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.addCluster("us-east", Map.of());
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("eu-west", target.url()));
        openWizardWindow();

        clickCluster("us-east");
        awaitUninstall(false, "Nothing to uninstall: cluster us-east has no direct endpoint");
        clickCluster("eu-west");
        awaitUninstall(false, "Nothing to uninstall: no Meridian agent runs in context eu-west.");

        // What an install does: the agent's objects in the cluster, then the endpoint on the plane.
        new AgentInstaller(target.client(), new CreateOrReplaceApplier(target.client()), Duration.ofMillis(50))
                .install(
                        InstallSpec.builder("eu-west", "agent.eu.example.com").build(),
                        InstallOptions.defaults().withWaitForRollout(false),
                        ProgressListener.NONE);
        plane.client()
                .genericKubernetesResources(dev.meridian.app.fleet.FleetService.CLUSTERS)
                .withName("eu-west")
                .edit(c -> {
                    c.getMetadata().getAnnotations().put(Annotations.ENDPOINT, "agent.eu.example.com");
                    return c;
                });
        awaitUninstall(true, "Removes the agent from cluster eu-west");
        clickCluster("us-east");
        awaitUninstall(false, "Nothing to uninstall: cluster us-east");
    }

    private void awaitUninstall(boolean enabled, String tooltipStart) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(onFx(() -> lookup("#uninstallAgent").query().isDisabled()))
                    .as("Uninstall agent... disabled")
                    .isEqualTo(!enabled);
            assertThat(onFx(() -> {
                        Object tip = lookup("#uninstallAgentHolder")
                                .query()
                                .getProperties()
                                .get("javafx.scene.control.Tooltip");
                        return tip == null ? "" : ((javafx.scene.control.Tooltip) tip).getText();
                    }))
                    .startsWith(tooltipStart);
        });
    }

    private void openWizardWindow() throws Exception {
        openWindow(
                true,
                DesktopServices.none()
                        .withInstaller(new InstallLauncher(
                                environment.kubeconfig()::contextNames,
                                InstallServices.desktop(flow(), environment.kubeconfig(), Clock.systemUTC()))));
    }

    private Stage wizardStage() {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s
                        && s.getTitle() != null
                        && s.getTitle().startsWith("Install agent"))
                .map(Stage.class::cast)
                .findFirst()
                .orElseThrow());
    }

    /** Sets a field's text as typing would; fields low in the scrolled form may be out of the robot's view. */
    private void replaceText(String query, String value) {
        onFx(() -> {
            ((TextInputControl) lookup(query).query()).setText(value);
            return null;
        });
    }

    private static AgentInstallFlow flow() {
        return new AgentInstallFlow(
                client -> new AgentInstaller(client, new CreateOrReplaceApplier(client), Duration.ofMillis(50)),
                () -> new Prober(
                        ProbeSettings.defaults(),
                        host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                        Clock.systemUTC()),
                Clock.systemUTC());
    }

    private List<String> progressLines() {
        return logLines("#wizardProgress");
    }

    /** The lines of a run's log; empty before the first. */
    private List<String> logLines(String query) {
        String text = onFx(() -> ((TextInputControl) lookup(query).query()).getText());
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Plays the deployment controller in the target cluster: every replica of the agent is ready. */
    private static void markDeploymentReady(KubernetesClient client) {
        var deployment = client.apps()
                .deployments()
                .inNamespace(InstallSpec.DEFAULT_NAMESPACE)
                .withName("loft-agent");
        await().atMost(Duration.ofSeconds(30)).until(() -> deployment.get() != null);
        deployment.editStatus(d -> {
            int replicas = d.getSpec().getReplicas();
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(replicas)
                    .withUpdatedReplicas(replicas)
                    .withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas)
                    .build());
            return d;
        });
    }

    private void writeKubeconfigWithBothContexts() throws IOException {
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("target", target.url()));
    }

    /** Opens the wizard on eu-west, targets the context "target" and types the agent's host. */
    private void startWizardOnEuWest() {
        clickCluster("eu-west");
        clickOn("#installAgent");
        @SuppressWarnings("unchecked")
        ComboBox<String> contexts = (ComboBox<String>) lookup("#wizardContext").query();
        onFx(() -> {
            contexts.getSelectionModel().select("target");
            return null;
        });
        clickOn("#wizardHost").write("agent.eu.example.com");
    }
}
