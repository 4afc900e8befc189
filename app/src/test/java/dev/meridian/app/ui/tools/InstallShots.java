package dev.meridian.app.ui.tools;

import static dev.meridian.app.ui.tools.Shots.fire;
import static dev.meridian.app.ui.tools.Shots.onFx;

import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** The install wizard's last page, after a real install ran: its progress and its result. */
final class InstallShots {
    private InstallShots() {}

    /**
     * After a failed install: the target context points where nothing listens. The kubeconfig is put back as it was
     * afterwards.
     */
    static void failure(MainWindow window, MockManagementPlane plane, Path kubeconfig, Path file) throws Exception {
        plane.writeKubeconfig(kubeconfig, Map.of("eu-west-1", "https://127.0.0.1:1"));
        try {
            Shots.select(window, "eu-west-1");
            fire(window.stage(), "#installAgent");
            Stage wizard = Shots.waitForWindow(window, "Install agent");
            onFx(() -> {
                ((ComboBox<?>) wizard.getScene().lookup("#wizardContext"))
                        .getSelectionModel()
                        .select(1);
                ((TextField) wizard.getScene().lookup("#wizardHost")).setText("agent.eu-west-1.example.com");
                return null;
            });
            fire(wizard, "#wizardNext");
            fire(wizard, "#wizardInstall");
            String result = awaitResult(wizard, Duration.ofSeconds(60));
            if (result.startsWith("Agent installed")) {
                throw new IllegalStateException("the install meant to fail succeeded: " + result);
            }
            Shots.shoot(wizard, file);
            onFx(() -> {
                wizard.close();
                return null;
            });
        } finally {
            plane.writeKubeconfig(kubeconfig);
        }
    }

    /** Waits for the wizard's result and returns it. */
    static String awaitResult(Stage wizard, Duration patience) throws InterruptedException {
        Shots.waitFor(patience, () -> !Shots.text(wizard, "#wizardResult").isEmpty());
        return Shots.text(wizard, "#wizardResult");
    }
}
