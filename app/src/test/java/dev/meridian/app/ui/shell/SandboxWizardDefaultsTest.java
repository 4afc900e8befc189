package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.sandbox.SandboxInstallDefaults;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.install.ClientOpener;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;

/** On a sandbox cluster the install wizard opens with everything a working install needs already filled in. */
class SandboxWizardDefaultsTest extends GuiTestSupport {

    /** What the wizard offers to mean a sandbox cluster's central route. */
    private static final String CENTRAL_ROUTE = "Central route through the management plane";

    @Test
    void aSandboxClusterGetsTheSandboxHostIssuerAndItsMeridianContext() throws Exception {
        sandboxCluster("ap-south");
        plane.addCluster("eu-west", Map.of());
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("meridian_ap-south", plane.url()));
        openWizardWindow();

        clickCluster("ap-south");
        clickOn("#installAgent");
        assertThat(field("#wizardHost")).isEqualTo("localhost");
        assertThat(field("#wizardIssuer")).isEqualTo("sandbox-ca");
        assertThat(selectedContext()).isEqualTo("meridian_ap-south");
        clickOn("#wizardNext");
        assertThat(onFx(() -> lookup("#wizardYaml").tryQuery().isPresent()))
                .as("nothing to type before the preview")
                .isTrue();
    }

    @Test
    void withoutAContextOfTheClusterAFreshSandboxInstallsThroughTheCentralRouteAsTheCliDoes() throws Exception {
        sandboxCluster("ap-south");
        openWizardWindow();

        clickCluster("ap-south");
        clickOn("#installAgent");
        assertThat(selectedContext()).isEqualTo(CENTRAL_ROUTE);
        clickOn("#wizardNext");
        assertThat(text("#wizardPreviewHint"))
                .startsWith("These objects will be applied in cluster ap-south through the management plane's "
                        + "central route (namespace vcluster-pro");
    }

    @Test
    void uninstallOnASandboxClusterTakesTheCentralRouteNotTheContextThroughTheAgentItRemoves() throws Exception {
        // An agent installed there: "Uninstall agent..." is offered only where there is one to remove. The CRUD mock
        // cannot store objects under a central route's path, so a second mock plays ap-south behind its central route.
        sandboxCluster("ap-south", Map.of(Annotations.ENDPOINT, "localhost:8443"));
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("meridian_ap-south", plane.url()));
        try (MockManagementPlane apSouth = new MockManagementPlane()) {
            AgentManifests.build(InstallSpec.builder("ap-south", "localhost").build()).stream()
                    .filter(Deployment.class::isInstance)
                    .forEach(agent -> apSouth.client().resource(agent).create());
            ClientOpener plain = ClientOpener.through(environment.kubeconfig());
            openWizardWindow(new ClientOpener() {
                @Override
                public KubernetesClient open(ContextConnection plane, String context) {
                    return plain.open(plane, context);
                }

                @Override
                public KubernetesClient openCentralRoute(ContextConnection plane, String cluster) {
                    return new KubernetesClientBuilder()
                            .withConfig(apSouth.client().getConfiguration())
                            .build();
                }
            });
            assertUninstallTakesTheCentralRoute();
        }
    }

    private void assertUninstallTakesTheCentralRoute() {
        clickCluster("ap-south");
        await().atMost(Duration.ofSeconds(20))
                .alias("Uninstall agent... enabled once the cluster is known to have an agent")
                .until(() -> onFx(() -> !lookup("#uninstallAgent").query().isDisabled()));
        clickOn("#uninstallAgent");
        @SuppressWarnings("unchecked")
        ComboBox<String> contexts =
                (ComboBox<String>) lookup("#uninstallContext").query();
        assertThat(onFx(contexts::getValue)).isEqualTo(CENTRAL_ROUTE);
        assertThat(text("#uninstallSummary"))
                .contains("namespace vcluster-pro of cluster ap-south through the management plane's central route");
        assertThat(lookup("#uninstallConfirm").query().isDisabled()).isFalse();
    }

    @Test
    void aRealClusterGetsNoneOfTheSandboxDefaults() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("meridian_eu-west", plane.url()));
        openWizardWindow();

        clickCluster("eu-west");
        clickOn("#installAgent");
        assertThat(field("#wizardHost")).isEmpty();
        assertThat(field("#wizardIssuer")).isEmpty();
        assertThat(selectedContext()).isNull();
    }

    /** A Cluster labelled as the sandbox labels its own. */
    private void sandboxCluster(String name) {
        sandboxCluster(name, Map.of());
    }

    private void sandboxCluster(String name, Map<String, String> annotations) {
        plane.addCluster(name, annotations);
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName(name)
                .edit(c -> {
                    c.getMetadata().getLabels().put(SandboxInstallDefaults.LABEL, "true");
                    return c;
                });
    }

    private void openWizardWindow() throws Exception {
        openWizardWindow(ClientOpener.through(environment.kubeconfig()));
    }

    private void openWizardWindow(ClientOpener clients) throws Exception {
        AgentInstallFlow flow = AgentInstallFlow.standard(Clock.systemUTC());
        openWindow(
                true,
                DesktopServices.none()
                        .withInstaller(new InstallLauncher(
                                environment.kubeconfig()::contextNames,
                                new InstallServices(flow, clients, Clock.systemUTC(), Platform::runLater))));
    }

    private String field(String query) {
        return onFx(() -> ((TextInputControl) lookup(query).query()).getText());
    }

    private String selectedContext() {
        @SuppressWarnings("unchecked")
        ComboBox<String> contexts = (ComboBox<String>) lookup("#wizardContext").query();
        return onFx(contexts::getValue);
    }
}
