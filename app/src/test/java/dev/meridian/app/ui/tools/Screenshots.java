package dev.meridian.app.ui.tools;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.fleet.ClusterRow;
import dev.meridian.app.ui.hooks.ContextActions;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import dev.meridian.app.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Renders the main window, the endpoint editor, the install wizard and the welcome view in light and dark themes as
 * PNGs, against a mock management plane holding {@link DemoFleet}. Run by {@code app/screenshots.sh}
 * under Xvfb. Argument: the output directory. The window is 1440x900 unless {@code -Dscreenshots.size=WxH} says
 * otherwise, e.g. {@code 1024x640} to check the layout on a small screen.
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path temp = Files.createTempDirectory("meridian-screenshots");
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        try (MockManagementPlane plane = new MockManagementPlane()) {
            DemoFleet.populate(plane);
            Path kubeconfig = plane.writeKubeconfig(temp.resolve("kube/config"));
            for (ThemeChoice theme : ThemeChoice.values()) {
                String suffix = theme.name().toLowerCase();
                DesktopEnvironment env = environment(temp.resolve(suffix), kubeconfig);
                SettingsStore store = new SettingsStore(env.configDirectory());
                Settings base = Settings.defaults().withTheme(theme).withWindow(windowBounds());
                store.save(base.withPlaneContext("management"));
                MainWindow window = open(env);
                waitFor(() -> onFx(() -> table(window).getItems().size() == 10));
                select(window, "us-east-1");
                shoot(window, out.resolve("main-" + suffix + ".png"));
                select(window, "eu-west-1");
                shoot(window, out.resolve("editor-" + suffix + ".png"));
                onFx(() -> {
                    ((TextField) window.stage().getScene().lookup("#endpointHost"))
                            .setText("https://eu-west-1.agents.example.com:99999/");
                    return null;
                });
                shoot(window, out.resolve("editor-invalid-" + suffix + ".png"));
                shootSections(window, out, suffix);
                shootTrust(window, out, suffix);
                shootWizard(window, out, suffix);
                shootUninstall(window, out, suffix);
                shootInstallFailure(window, plane, kubeconfig, out, suffix);
                close(window);

                DesktopEnvironment fresh = environment(temp.resolve(suffix + "-first-run"), kubeconfig);
                new SettingsStore(fresh.configDirectory()).save(base);
                MainWindow welcome = open(fresh);
                waitFor(() -> onFx(() -> !welcome.model().contexts().isEmpty()));
                shoot(welcome, out.resolve("welcome-" + suffix + ".png"));
                close(welcome);
            }
        } finally {
            Platform.exit();
        }
        System.out.println("Screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private static Settings.WindowBounds windowBounds() {
        String[] size = System.getProperty("screenshots.size", "1440x900").split("x");
        return new Settings.WindowBounds(40, 40, Double.parseDouble(size[0]), Double.parseDouble(size[1]), false);
    }

    private static DesktopEnvironment environment(Path dir, Path kubeconfig) {
        return new DesktopEnvironment(
                Map.of(
                        "KUBECONFIG",
                        kubeconfig.toString(),
                        "XDG_CONFIG_HOME",
                        dir.resolve("config").toString()),
                dir.resolve("home"),
                "Linux",
                Clock.systemUTC());
    }

    private static MainWindow open(DesktopEnvironment env) {
        KubeconfigContextActions real = new KubeconfigContextActions(env.kubeconfig());
        ContextActions contexts = new ContextActions() {
            @Override
            public String useCluster(ContextConnection plane, ClusterInfo cluster) {
                return real.useCluster(plane, cluster);
            }

            @Override
            public String useSpace(ContextConnection plane, ClusterInfo cluster, String space) {
                return real.useSpace(plane, cluster, space);
            }

            @Override
            public String createSpace(ContextConnection plane, ClusterInfo cluster, String space) {
                return real.createSpace(plane, cluster, space);
            }

            @Override
            public List<String> spaces(ContextConnection plane, ClusterInfo cluster) {
                return DemoFleet.spaces(cluster);
            }
        };
        DesktopServices services = DesktopServices.none()
                .withHealth(DemoFleet::health)
                .withContexts(contexts)
                .withInstaller(new InstallLauncher(
                        env.kubeconfig()::contextNames,
                        InstallServices.desktop(
                                AgentInstallFlow.standard(env.clock()), env.kubeconfig(), env.clock())));
        return onFx(() -> MainWindow.open(new Stage(), env, services));
    }

    /** The detail pane scrolled to its Health and Spaces sections, with a bad space name typed. */
    private static void shootSections(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        waitFor(() -> onFx(() -> !((javafx.scene.control.ListView<?>)
                        window.stage().getScene().lookup("#spacesList"))
                .getItems()
                .isEmpty()));
        onFx(() -> {
            ((TextField) window.stage().getScene().lookup("#newSpaceName")).setText("Team_Payments");
            ((javafx.scene.control.ScrollPane) window.stage().getScene().lookup(".detail-scroll")).setVvalue(1);
            return null;
        });
        shoot(window, out.resolve("detail-sections-" + suffix + ".png"));
        onFx(() -> {
            ((TextField) window.stage().getScene().lookup("#newSpaceName")).setText("");
            ((javafx.scene.control.ScrollPane) window.stage().getScene().lookup(".detail-scroll")).setVvalue(0);
            return null;
        });
    }

    /** The trust dialog for a presented CA, with a certificate generated for the picture. */
    private static void shootTrust(MainWindow window, Path out, String suffix) throws Exception {
        java.security.cert.X509Certificate cert =
                dev.meridian.app.testing.TestCertificates.validCa("Meridian agent CA");
        dev.meridian.app.health.CertificateInfo info = dev.meridian.app.health.CertificateInfo.from(cert);
        dev.meridian.app.health.PresentedCa presented = new dev.meridian.app.health.PresentedCa(
                dev.meridian.app.health.ProbeTarget.forEndpoint(
                        "eu-west-1.agents.example.com", dev.meridian.app.health.TlsMode.systemTrust()),
                info,
                List.of(info),
                null,
                null);
        onFx(() -> {
            dev.meridian.app.ui.fleet.TrustDialog.show(
                    window.stage(), "eu-west-1.agents.example.com", presented, java.time.Instant.now(), () -> {});
            return null;
        });
        Stage dialog = waitForWindow(window, "Trust the presented certificate");
        shoot(dialog, out.resolve("trust-" + suffix + ".png"));
        onFx(() -> {
            dialog.close();
            return null;
        });
    }

    /** The uninstall confirmation with its target chosen. */
    private static void shootUninstall(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        onFx(() -> {
            ((Button) window.stage().getScene().lookup("#uninstallAgent")).fire();
            return null;
        });
        Stage dialog = waitForWindow(window, "Uninstall agent");
        onFx(() -> {
            ((ComboBox<?>) dialog.getScene().lookup("#uninstallContext"))
                    .getSelectionModel()
                    .select(0);
            return null;
        });
        shoot(dialog, out.resolve("uninstall-" + suffix + ".png"));
        onFx(() -> {
            dialog.close();
            return null;
        });
    }

    private static Stage waitForWindow(MainWindow window, String titlePrefix) throws InterruptedException {
        waitFor(() -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w != window.stage()
                        && w.isShowing()
                        && w instanceof Stage s
                        && s.getTitle() != null
                        && s.getTitle().startsWith(titlePrefix))));
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w != window.stage() && w.isShowing())
                .filter(Stage.class::isInstance)
                .map(Stage.class::cast)
                .filter(s -> s.getTitle() != null && s.getTitle().startsWith(titlePrefix))
                .findFirst()
                .orElseThrow());
    }

    /** The install wizard's first step (with a host error) and its manifest preview. */
    private static void shootWizard(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        onFx(() -> {
            ((Button) window.stage().getScene().lookup("#installAgent")).fire();
            return null;
        });
        Stage wizard = onFx(() -> Window.getWindows().stream()
                .filter(w -> w != window.stage() && w.isShowing())
                .map(Stage.class::cast)
                .filter(s -> s.getTitle() != null && s.getTitle().startsWith("Install agent"))
                .findFirst()
                .orElseThrow());
        onFx(() -> {
            ((TextField) wizard.getScene().lookup("#wizardHost")).setText("Agent EU West");
            ((Button) wizard.getScene().lookup("#wizardNext")).fire();
            return null;
        });
        shoot(wizard, out.resolve("wizard-" + suffix + ".png"));
        onFx(() -> {
            ((ComboBox<?>) wizard.getScene().lookup("#wizardContext"))
                    .getSelectionModel()
                    .select(0);
            ((TextField) wizard.getScene().lookup("#wizardHost")).setText("agent.eu-west-1.example.com");
            ((Button) wizard.getScene().lookup("#wizardNext")).fire();
            return null;
        });
        shoot(wizard, out.resolve("wizard-preview-" + suffix + ".png"));
        onFx(() -> {
            ((Button) wizard.getScene().lookup("#wizardBack")).fire();
            wizard.getScene().getRoot().applyCss();
            wizard.getScene().getRoot().layout();
            return null;
        });
        onFx(() -> {
            ((javafx.scene.control.TitledPane) wizard.getScene().lookup("#wizardAdvanced")).setExpanded(true);
            ((TextField) wizard.getScene().lookup("#wizardTimeout")).setText("soon");
            ((Button) wizard.getScene().lookup("#wizardNext")).fire();
            return null;
        });
        Thread.sleep(300);
        onFx(() -> {
            ((javafx.scene.control.ScrollPane) wizard.getScene().lookup(".scroll-pane")).setVvalue(1);
            return null;
        });
        shoot(wizard, out.resolve("wizard-advanced-" + suffix + ".png"));
        shootInstallStep(wizard, out, suffix);
    }

    /** The wizard's last step: the install's progress and its result, here against the demo plane itself. */
    private static void shootInstallStep(Stage wizard, Path out, String suffix) throws Exception {
        onFx(() -> {
            ((TextField) wizard.getScene().lookup("#wizardTimeout")).setText("5m");
            ((javafx.scene.control.CheckBox) wizard.getScene().lookup("#wizardWait")).setSelected(false);
            ((Button) wizard.getScene().lookup("#wizardNext")).fire();
            ((Button) wizard.getScene().lookup("#wizardInstall")).fire();
            return null;
        });
        waitFor(() ->
                onFx(() -> !((javafx.scene.control.Label) wizard.getScene().lookup("#wizardResult"))
                        .getText()
                        .isEmpty()));
        shoot(wizard, out.resolve("wizard-install-" + suffix + ".png"));
        onFx(() -> {
            wizard.close();
            return null;
        });
    }

    /**
     * The wizard after a failed install (its target context points where nothing listens), as a snapshot of its
     * scene and as the whole screen: there it must read as a dialog over the main window, also without a window
     * manager. The kubeconfig is put back as it was afterwards.
     */
    private static void shootInstallFailure(
            MainWindow window, MockManagementPlane plane, Path kubeconfig, Path out, String suffix) throws Exception {
        plane.writeKubeconfig(kubeconfig, Map.of("eu-west-1", "https://127.0.0.1:1"));
        try {
            select(window, "eu-west-1");
            onFx(() -> {
                ((Button) window.stage().getScene().lookup("#installAgent")).fire();
                return null;
            });
            Stage wizard = waitForWindow(window, "Install agent");
            onFx(() -> {
                ((ComboBox<?>) wizard.getScene().lookup("#wizardContext"))
                        .getSelectionModel()
                        .select(1);
                ((TextField) wizard.getScene().lookup("#wizardHost")).setText("agent.eu-west-1.example.com");
                ((Button) wizard.getScene().lookup("#wizardNext")).fire();
                ((Button) wizard.getScene().lookup("#wizardInstall")).fire();
                return null;
            });
            waitFor(() ->
                    onFx(() -> !((javafx.scene.control.Label) wizard.getScene().lookup("#wizardResult"))
                            .getText()
                            .isEmpty()));
            shoot(wizard, out.resolve("wizard-failed-" + suffix + ".png"));
            Process grab = new ProcessBuilder(
                            "import",
                            "-window",
                            "root",
                            out.resolve("wizard-failed-screen-" + suffix + ".png")
                                    .toString())
                    .inheritIO()
                    .start();
            grab.waitFor();
            onFx(() -> {
                wizard.close();
                return null;
            });
        } finally {
            plane.writeKubeconfig(kubeconfig);
        }
    }

    private static void close(MainWindow window) {
        onFx(() -> {
            window.stage().hide();
            window.close();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<ClusterRow> table(MainWindow window) {
        return (TableView<ClusterRow>) window.stage().getScene().lookup("#clusterTable");
    }

    private static void select(MainWindow window, String name) {
        onFx(() -> {
            TableView<ClusterRow> table = table(window);
            table.getItems().stream()
                    .filter(r -> r.name().equals(name))
                    .findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            table.requestFocus();
            return null;
        });
    }

    private static void shoot(MainWindow window, Path file) throws IOException, InterruptedException {
        shoot(window.stage(), file);
    }

    private static void shoot(Stage stage, Path file) throws IOException, InterruptedException {
        Thread.sleep(700); // let layout, fonts and animations settle; this is a rendering tool, not a test
        WritableImage image = onFx(() -> {
            Node root = stage.getScene().getRoot();
            return root.getScene().snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for the window");
            }
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
