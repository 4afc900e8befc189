package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.ui.integration.DesktopModules;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.installer.manifest.AgentNames;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, from the window: on a fresh machine the app starts its first-run sandbox, and on the central-only
 * cluster "Install agent..." runs to health UP with nothing typed; "Use cluster" then points kubectl at the new
 * endpoint, and "Uninstall agent..." takes it all away again. Everything is the shipped app's: the first-run
 * sandbox, {@link DesktopModules}, the real installer and switching service, the real kubectl.
 */
class SandboxWizardInstallIT extends GuiTestSupport {
    private static final String CLUSTER = "ap-south";
    private static final Duration INSTALL = Duration.ofSeconds(120);

    private FirstRunSandbox sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void installWithTheWizardsDefaultsThenUseClusterThenUninstall() throws Exception {
        openOnAFreshMachine();
        clickCluster(CLUSTER);
        // Nothing installed yet: the central route says so, and "Uninstall agent..." is not offered.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> uninstallTooltip()
                        .startsWith("Nothing to uninstall: no Meridian agent runs in cluster "
                                + "ap-south through the management plane's central route"));
        assertThat(lookup("#uninstallAgent").query().isDisabled()).isTrue();

        // Install: the defaults only, Preview then Install.
        clickOn("#installAgent");
        clickOn("#wizardNext");
        assertThat(text("#wizardPreviewHint"))
                .contains("cluster ap-south through the management plane's central route");
        clickOn("#wizardInstall");
        await().atMost(INSTALL)
                .alias("the wizard's result")
                .until(() -> lookup("#wizardResult").tryQuery().isPresent()
                        && !text("#wizardResult").isEmpty());
        assertThat(text("#wizardResult")).contains("Health: UP.").startsWith("Agent installed");
        assertTheLastPageFitsALaptopScreen();
        Screenshots.takeIfAsked("wizard-install");
        int port = endpointPort();
        assertThat(annotations()).containsKey(Annotations.CA_DATA);
        clickOn("#wizardClose");

        // Use cluster, once the window shows the new endpoint; then kubectl goes there.
        awaitCell("localhost:" + port);
        clickOn("#useCluster");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications()
                        .contains("kubectl now uses meridian_ap-south (direct endpoint https://localhost:" + port));
        Kubectl kubectl = new Kubectl(temp.resolve("kubectl-home"), userKubeconfig());
        Kubectl.Result get = kubectl.run("get", "ns", "-v", "6");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.err())
                .contains("GET https://localhost:" + port + "/kubernetes/cluster/api/v1/namespaces?limit=500 200 OK");
        assertThat(get.out()).contains("vcluster-pro");

        // Uninstall: the dialog's defaults, then everything the install made is gone. The success note lies over the
        // detail pane's top right, where the action buttons are, for its few seconds.
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications().isEmpty());
        await().atMost(Duration.ofSeconds(30))
                .alias("Uninstall agent... offered once the agent runs")
                .until(() -> !lookup("#uninstallAgent").query().isDisabled());
        reveal("#uninstallAgent");
        clickOn("#uninstallAgent");
        assertThat(text("#uninstallSummary")).contains("cluster ap-south through the management plane's central route");
        clickOn("#uninstallConfirm");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> lookup("#uninstallResult").tryQuery().isPresent()
                        && !text("#uninstallResult").isEmpty());
        assertThat(text("#uninstallResult")).startsWith("Agent removed from cluster ap-south");
        clickOn("#uninstallClose");
        assertThat(annotations()).doesNotContainKeys(Annotations.ENDPOINT, Annotations.CA_DATA);
        try (KubernetesClient cluster = ContextClients.openCentralRoute(kubeconfig(), Sandbox.CONTEXT, CLUSTER)) {
            assertThat(cluster.apps()
                            .deployments()
                            .inAnyNamespace()
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(cluster.network()
                            .v1()
                            .ingresses()
                            .inAnyNamespace()
                            .list()
                            .getItems())
                    .isEmpty();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                        .isInstanceOf(ConnectException.class));
    }

    /**
     * On a 1024x640 screen the wizard opens 576 high (ModalWindows.fit): the progress list gives up the height, the
     * bar and the result's wrapped lines keep theirs.
     */
    private void assertTheLastPageFitsALaptopScreen() {
        Label result = lookup("#wizardResult").query();
        onFx(() -> {
            ((Stage) result.getScene().getWindow()).setHeight(576);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> result.getHeight() + 0.5 >= result.prefHeight(result.getWidth())))
                .as("the result shows all its lines")
                .isTrue();
        assertThat(onFx(() -> lookup(".progress-bar").query().getLayoutBounds().getHeight()))
                .isGreaterThan(1);
    }

    /** As the app opens on a machine without a kubeconfig: its first-run sandbox, its shipped modules. */
    private void openOnAFreshMachine() throws Exception {
        DesktopEnvironment system = new DesktopEnvironment(
                Map.of(
                        "XDG_STATE_HOME", temp.resolve("state").toString(),
                        "XDG_CONFIG_HOME", temp.resolve("config").toString()),
                temp.resolve("home"),
                "Linux",
                Clock.systemUTC());
        sandbox = FirstRunSandbox.ifNoPlane(system);
        assertThat(sandbox).as("no plane on a fresh machine").isNotNull();
        environment = sandbox.environment();
        new SettingsStore(environment.configDirectory())
                .save(Settings.defaults().withWindow(Screenshots.windowBounds()));
        DesktopLauncher.Startup startup =
                new DesktopLauncher.Startup(environment, DesktopModules.forEnvironment(environment), sandbox);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> window = MeridianApp.open(stage, startup));
        awaitShown(3);
    }

    private KubeconfigService kubeconfig() {
        return environment.kubeconfig();
    }

    /** The file "Use cluster" writes: the user's ~/.kube/config. */
    private Path userKubeconfig() {
        return kubeconfig().locations().defaultFile();
    }

    private int endpointPort() {
        String endpoint = annotations().get(Annotations.ENDPOINT);
        Matcher hostPort = Pattern.compile("localhost:(\\d+)").matcher(String.valueOf(endpoint));
        assertThat(hostPort.matches()).as("endpoint annotation " + endpoint).isTrue();
        return Integer.parseInt(hostPort.group(1));
    }

    private Map<String, String> annotations() {
        try (KubernetesClient plane = ContextClients.open(kubeconfig(), Sandbox.CONTEXT)) {
            Map<String, String> annotations = plane.genericKubernetesResources(FleetService.CLUSTERS)
                    .withName(CLUSTER)
                    .get()
                    .getMetadata()
                    .getAnnotations();
            return annotations == null ? Map.of() : annotations;
        }
    }

    /** Why "Uninstall agent..." is or is not offered: the tooltip on its holder. */
    private String uninstallTooltip() {
        return onFx(() -> {
            javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip)
                    lookup("#uninstallAgentHolder").query().getProperties().get("javafx.scene.control.Tooltip");
            return tip == null ? "" : tip.getText();
        });
    }

    /** The texts of the notifications the window shows, joined. */
    private String notifications() {
        return onFx(() -> lookup(".notification").queryAll().stream()
                .map(n -> ((atlantafx.base.controls.Notification) n).getMessage())
                .reduce("", (a, b) -> a + "\n" + b));
    }

    /**
     * With {@code -Dmeridian.screenshots=DIR} (and a real display: glass on Xvfb, not Monocle), the window opens at
     * 1024x640, a small laptop's screen, and {@code import -window root} saves the screen at the marked steps.
     */
    private static final class Screenshots {
        private static final String DIRECTORY = System.getProperty("meridian.screenshots");

        static Settings.WindowBounds windowBounds() {
            return DIRECTORY == null
                    ? new Settings.WindowBounds(0, 0, 1600, 1000, false)
                    : new Settings.WindowBounds(0, 0, 1024, 640, false);
        }

        static void takeIfAsked(String name) throws Exception {
            if (DIRECTORY == null) {
                return;
            }
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(500);
            Process process = new ProcessBuilder(
                            "import",
                            "-window",
                            "root",
                            Path.of(DIRECTORY, name + ".png").toString())
                    .inheritIO()
                    .start();
            assertThat(process.waitFor()).as("import's exit code").isZero();
        }
    }
}
