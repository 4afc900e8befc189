package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.sandbox.SandboxInstallDefaults;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
        sandboxCluster("ap-south");
        plane.writeKubeconfig(Path.of(environment.env().get("KUBECONFIG")), Map.of("meridian_ap-south", plane.url()));
        openWizardWindow();

        clickCluster("ap-south");
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
        plane.addCluster(name, Map.of());
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName(name)
                .edit(c -> {
                    c.getMetadata().getLabels().put(SandboxInstallDefaults.LABEL, "true");
                    return c;
                });
    }

    private void openWizardWindow() throws Exception {
        AgentInstallFlow flow = AgentInstallFlow.standard(Clock.systemUTC());
        openWindow(
                true,
                DesktopServices.none()
                        .withInstaller(new InstallLauncher(
                                environment.kubeconfig()::contextNames,
                                InstallServices.desktop(flow, environment.kubeconfig(), Clock.systemUTC()))));
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
