package dev.meridian.app.ui.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ui.ClusterRow;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.DesktopEnvironment;
import dev.meridian.app.ui.MainWindow;
import dev.meridian.app.ui.hooks.DesktopIntegrations;
import dev.meridian.app.ui.install.AgentInstallWizard;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.settings.SettingsStore;
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

/**
 * Renders the main window, the endpoint editor, the install wizard and the welcome view in light and dark themes as
 * PNGs, against a mock management plane holding {@link DemoFleet}. Run by {@code app/screenshots.sh}
 * under Xvfb. Argument: the output directory.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path temp = Files.createTempDirectory("meridian-screenshots");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        try (MockManagementPlane plane = new MockManagementPlane()) {
            DemoFleet.populate(plane);
            Path kubeconfig = plane.writeKubeconfig(temp.resolve("kube/config"));
            for (ThemeChoice theme : ThemeChoice.values()) {
                String suffix = theme.name().toLowerCase();
                DesktopEnvironment env = environment(temp.resolve(suffix), kubeconfig);
                SettingsStore store = new SettingsStore(env.configDirectory());
                Settings base = Settings.defaults().withTheme(theme)
                        .withWindow(new Settings.WindowBounds(40, 40, 1440, 900, false));
                store.save(base.withPlaneContext("management"));
                MainWindow window = open(env);
                waitFor(() -> onFx(() -> table(window).getItems().size() == 10));
                select(window, "us-east-1");
                shoot(window, out.resolve("main-" + suffix + ".png"));
                select(window, "eu-west-1");
                shoot(window, out.resolve("editor-" + suffix + ".png"));
                onFx(() -> {
                    ((TextField) window.stage().getScene().lookup("#endpointHost")).setText("https://eu-west-1.agents.example.com:99999/");
                    return null;
                });
                shoot(window, out.resolve("editor-invalid-" + suffix + ".png"));
                shootWizard(window, out, suffix);
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

    private static DesktopEnvironment environment(Path dir, Path kubeconfig) {
        return new DesktopEnvironment(Map.of("KUBECONFIG", kubeconfig.toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()), dir.resolve("home"), "Linux", Clock.systemUTC());
    }

    private static MainWindow open(DesktopEnvironment env) {
        DesktopIntegrations integrations = DesktopIntegrations.none().withHealth(DemoFleet::health)
                .withContexts(new KubeconfigContextActions(env.kubeconfig()))
                .withInstaller(AgentInstallWizard.launcher(env.kubeconfig(), AgentInstallFlow.standard(env.clock()),
                        env.clock()));
        return onFx(() -> MainWindow.open(new Stage(), env, integrations));
    }

    /** The install wizard's first step (with a host error) and its manifest preview. */
    private static void shootWizard(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        onFx(() -> {
            ((Button) window.stage().getScene().lookup("#installAgent")).fire();
            return null;
        });
        Stage wizard = onFx(() -> Window.getWindows().stream().filter(w -> w != window.stage() && w.isShowing())
                .map(Stage.class::cast).filter(s -> s.getTitle() != null && s.getTitle().startsWith("Install agent"))
                .findFirst().orElseThrow());
        onFx(() -> {
            ((TextField) wizard.getScene().lookup("#wizardHost")).setText("Agent EU West");
            ((Button) wizard.getScene().lookup("#wizardNext")).fire();
            return null;
        });
        shoot(wizard, out.resolve("wizard-" + suffix + ".png"));
        onFx(() -> {
            ((ComboBox<?>) wizard.getScene().lookup("#wizardContext")).getSelectionModel().select(0);
            ((TextField) wizard.getScene().lookup("#wizardHost")).setText("agent.eu-west-1.example.com");
            ((Button) wizard.getScene().lookup("#wizardNext")).fire();
            return null;
        });
        shoot(wizard, out.resolve("wizard-preview-" + suffix + ".png"));
        onFx(() -> {
            wizard.close();
            return null;
        });
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
            table.getItems().stream().filter(r -> r.name().equals(name)).findFirst()
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
