package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.testing.XvfbTrayHost;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import dev.meridian.app.ui.shell.MainWindow;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray on a real X display with a real tray host: the desktop app connected to the sandbox,
 * its tray icon read and used as a user would, the result checked with the real kubectl.
 */
@ExtendWith(XvfbTrayHost.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeridianTrayIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private Sandbox sandbox;
    private Kubectl kubectl;
    private MainWindow window;

    @BeforeAll
    void openTheAppOnTheSandbox() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(temp.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        kubectl = new Kubectl(temp.resolve("home"), sandbox.kubeconfig());
        DesktopEnvironment environment = new DesktopEnvironment(
                Map.of(
                        "KUBECONFIG",
                        sandbox.kubeconfig().toString(),
                        "XDG_CONFIG_HOME",
                        temp.resolve("config").toString()),
                temp.resolve("home"),
                "Linux",
                Clock.systemUTC());
        MeridianTray tray = new MeridianTray(
                new KubeconfigService(KubeconfigLocations.of(environment.env(), environment.home())),
                () -> ClusterProber.withProber(Prober.create()),
                new TraySettings(environment.configDirectory()),
                MeridianTray.DEFAULT_PROBE_INTERVAL);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        window = onFx(() -> {
            MainWindow opened = MainWindow.open(
                    new Stage(), environment, DesktopServices.none().withTray(tray));
            opened.model().connect(Sandbox.CONTEXT);
            return opened;
        });
    }

    @AfterAll
    void closeEverything() throws Exception {
        if (window != null) {
            onFx(() -> {
                window.stage().hide();
                window.close();
                return null;
            });
        }
        Platform.exit();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void theTrayHostShowsTheIcon() {
        assertThat(SystemTray.isSupported())
                .as("a tray host (trayer) runs on the display")
                .isTrue();
        await("the tray icon")
                .atMost(PATIENCE)
                .until(() -> SystemTray.getSystemTray().getTrayIcons().length == 1);
        assertThat(icon().getImage()).isNotNull();
    }

    @Test
    @Order(2)
    void theMenuListsTheClustersByRouteWithHealthMarksAfterProbing() throws Exception {
        await("the sandbox clusters in the menu")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(labels()).contains("Direct", "Central"));
        click("Probe all");

        await("every cluster probed up")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(labels())
                        .as("menu after Probe all")
                        .startsWith(
                                "Direct",
                                "eu-west (Europe West) \u00B7 Up",
                                "us-east (US East) \u00B7 Up",
                                "Central",
                                "ap-south (Asia Pacific South) \u00B7 Up")
                        .contains("Back to previous context", "Probe all", "Open Meridian", "Quit"));
        assertThat(item("Back to previous context").isEnabled())
                .as("nothing to go back to yet")
                .isFalse();
    }

    @Test
    @Order(3)
    void choosingEuWestSwitchesTheKubeContextAsTheCliDoes() throws Exception {
        click("eu-west (Europe West) \u00B7 Up");

        await("kubectl's current context")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                kubectl.run("config", "current-context").out().trim())
                        .isEqualTo("meridian_eu-west"));
        Kubectl.Result server =
                kubectl.run("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        assertThat(server.out())
                .as(server.toString())
                .isEqualTo("https://127.0.0.1:" + sandbox.cluster("eu-west").endpointPort() + "/kubernetes/cluster");
        Kubectl.Result namespaces = kubectl.run("get", "ns");
        assertThat(namespaces.exitCode()).as(namespaces.toString()).isZero();
        assertThat(namespaces.out()).contains("kube-system");

        await("eu-west checked and its health on the icon").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(((CheckboxMenuItem) item("eu-west (Europe West) \u00B7 Up")).getState())
                    .isTrue();
            assertThat(((CheckboxMenuItem) item("us-east (US East) \u00B7 Up")).getState())
                    .isFalse();
            assertThat(icon().getToolTip()).isEqualTo("Meridian: meridian_eu-west (up)");
        });
    }

    @Test
    @Order(4)
    void backReturnsToTheManagementPlaneContext() throws Exception {
        await().atMost(PATIENCE).until(() -> item("Back to previous context").isEnabled());
        click("Back to previous context");

        await("kubectl's current context")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                kubectl.run("config", "current-context").out().trim())
                        .isEqualTo(Sandbox.CONTEXT));
    }

    /** A real right-click on the icon in the tray host, then the keyboard: the path a user takes. */
    @Test
    @Order(5)
    void aRightClickOnTheIconOpensTheMenuWhereTheKeyboardPicksEuWest() throws Exception {
        assertThat(kubectl.run("config", "current-context").out().trim()).isEqualTo(Sandbox.CONTEXT);
        int[] center = trayIconCenter();

        xdotool("mousemove", String.valueOf(center[0]), String.valueOf(center[1]), "click", "3");
        await("the popup menu window")
                .atMost(PATIENCE)
                .until(() -> x11("/usr/bin/xwininfo", "-root", "-tree").contains("XPopupMenuPeer"));
        xdotool("key", "Down", "Return"); // the first enabled item: eu-west, first of the Direct group

        await("kubectl's current context")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                kubectl.run("config", "current-context").out().trim())
                        .isEqualTo("meridian_eu-west"));
    }

    /** Where the tray host embedded the icon, from the X window tree: {@code 24x22+0+0  +1255+1}. */
    private static int[] trayIconCenter() throws Exception {
        String tree = x11("/usr/bin/xwininfo", "-root", "-tree");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\"JavaEmbeddedFrame\".*?(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)")
                .matcher(tree);
        assertThat(m.find()).as("the tray icon's window in\n%s", tree).isTrue();
        return new int[] {
            Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(1)) / 2,
            Integer.parseInt(m.group(4)) + Integer.parseInt(m.group(2)) / 2
        };
    }

    private static void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/xdotool"));
        command.addAll(List.of(args));
        x11(command.toArray(String[]::new));
    }

    /** Runs an X client on the test's display ($DISPLAY is inherited) and returns its output. */
    private static String x11(String... command) throws Exception {
        assertThat(Path.of(command[0]))
                .as("%s (x11-utils, xdotool)", command[0])
                .isExecutable();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), out)
                .isZero();
        return out;
    }

    private static TrayIcon icon() {
        TrayIcon[] icons = SystemTray.getSystemTray().getTrayIcons();
        assertThat(icons).as("tray icons").hasSize(1);
        return icons[0];
    }

    private static List<String> labels() throws Exception {
        return onAwt(() -> {
            PopupMenu popup = icon().getPopupMenu();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < popup.getItemCount(); i++) {
                labels.add(popup.getItem(i).getLabel());
            }
            return labels;
        });
    }

    private static MenuItem item(String label) throws Exception {
        return onAwt(() -> {
            PopupMenu popup = icon().getPopupMenu();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < popup.getItemCount(); i++) {
                if (popup.getItem(i).getLabel().equals(label)) {
                    return popup.getItem(i);
                }
                labels.add(popup.getItem(i).getLabel());
            }
            throw new AssertionError("no menu item '" + label + "' in " + labels);
        });
    }

    /** What a click does: the item's action event, dispatched on the AWT event thread. */
    private static void click(String label) throws Exception {
        MenuItem item = item(label);
        onAwt(() -> {
            ActionEvent event = new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand());
            for (ActionListener listener : item.getActionListeners()) {
                listener.actionPerformed(event);
            }
            return null;
        });
    }

    private static <T> T onAwt(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        EventQueue.invokeLater(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw e;
        }
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
