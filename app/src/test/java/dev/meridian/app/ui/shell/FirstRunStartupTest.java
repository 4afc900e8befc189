package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.app.ui.shell.MainViewModel.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Issue #9: on a first run the window shows at once and says it is connecting while the sandbox
 * starts; the fleet fills in once the sandbox runs. The sandbox here is the mock management plane,
 * whose context appears in the user's kubeconfig (issue 18: where the real sandbox puts its own)
 * only when the stand-in starter is let go.
 */
class FirstRunStartupTest extends GuiTestSupport {
    private final CountDownLatch sandboxMayStart = new CountDownLatch(1);
    private final AtomicBoolean sandboxStopped = new AtomicBoolean();
    private FirstRunSandbox sandbox;

    @AfterEach
    void stopSandbox() {
        sandboxMayStart.countDown();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theWindowShowsBeforeTheSandboxRunsAndTheFleetFillsInOnceItDoes() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.addCluster("us-east", Map.of());
        open(options -> {
            awaitQuietly(sandboxMayStart);
            writeKubeconfig();
            return () -> sandboxStopped.set(true);
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> stage.isShowing()));
        assertThat(onFx(() -> window.model().connectionProperty().get())).isEqualTo(Connection.CONNECTING);
        assertThat(onFx(() -> lookup("#welcome").query().isVisible()))
                .as("no welcome view while connecting")
                .isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> lookup("#tableConnecting").tryQuery().isPresent()));
        assertThat(text("#tableConnecting")).as("the empty table says why").isEqualTo("Connecting to management...");
        assertThat(onFx(() -> ((ComboBox<?>) lookup("#planePicker").query()).getValue()))
                .as("the plane picker names the plane being connected to")
                .isEqualTo("management");
        assertThat(shownNames()).isEmpty();

        sandboxMayStart.countDown();
        awaitShown(2);
        assertThat(shownNames()).containsExactly("eu-west", "us-east");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> ((ComboBox<?>) lookup("#planePicker").query())
                        .getItems()
                        .contains("management")));
        // Once the kube contexts are read, the picker still shows the plane it is connected to.
        assertThat(onFx(() -> ((ComboBox<?>) lookup("#planePicker").query()).getValue()))
                .isEqualTo("management");
        assertThat(onFx(() -> {
                    javafx.scene.Node picker = lookup("#planePicker").query();
                    // The button cell: the list cell the combo box shows itself (the others belong to its popup).
                    return picker.lookupAll(".list-cell").stream()
                            .filter(n -> n.getParent() == picker)
                            .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                            .findFirst()
                            .orElse(null);
                }))
                .as("the picker's shown text")
                .isEqualTo("management");

        sandbox.close();
        assertThat(sandboxStopped).as("closing the app stops the sandbox").isTrue();
    }

    @Test
    void aSandboxThatCannotStartIsReportedInTheWindow() throws Exception {
        open(options -> {
            throw new IllegalStateException("port 443 is taken");
        });

        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> window.model().connectionProperty().get()) == Connection.FAILED);
        assertThat(text("#statusConnection")).contains("The sandbox fleet could not start: port 443 is taken");
    }

    private void open(Function<SandboxOptions, AutoCloseable> starter) throws Exception {
        Files.delete(userKubeconfig());
        new SettingsStore(environment.configDirectory())
                .save(Settings.defaults().withWindow(new Settings.WindowBounds(0, 0, 1600, 1000, false)));
        sandbox = new FirstRunSandbox(
                new SandboxOptions(temp.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()),
                "management",
                starter,
                environment);
        DesktopLauncher.Startup startup =
                new DesktopLauncher.Startup(sandbox.environment(), DesktopServices.none(), sandbox);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> window = MeridianApp.open(stage, startup));
    }

    private Path userKubeconfig() {
        return environment.kubeconfig().locations().defaultFile();
    }

    private void writeKubeconfig() {
        try {
            plane.writeKubeconfig(userKubeconfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
