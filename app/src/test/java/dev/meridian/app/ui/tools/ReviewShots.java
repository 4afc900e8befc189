package dev.meridian.app.ui.tools;

import static dev.meridian.app.ui.tools.Shots.fire;
import static dev.meridian.app.ui.tools.Shots.onFx;
import static dev.meridian.app.ui.tools.Shots.select;
import static dev.meridian.app.ui.tools.Shots.shoot;

import dev.meridian.app.health.CertificateInfo;
import dev.meridian.app.health.PresentedCa;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.TlsMode;
import dev.meridian.app.testing.TestCertificates;
import dev.meridian.app.ui.fleet.TrustDialog;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import dev.meridian.app.ui.shell.MainWindow;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * The review set ({@code --all}): the endpoint editor with an invalid host, the detail pane's lower sections, the
 * trust and uninstall dialogs, the wizard's steps and the welcome view. For checking a change, not for the README.
 */
final class ReviewShots {
    private ReviewShots() {}

    static void all(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        onFx(() -> {
            ((TextField) window.stage().getScene().lookup("#endpointHost"))
                    .setText("https://eu-west-1.agents.example.com:99999/");
            return null;
        });
        Shots.shoot(window, out.resolve("editor-invalid-" + suffix + ".png"));
        onFx(() -> {
            ((TextField) window.stage().getScene().lookup("#endpointHost")).setText("eu-west-1.agents.example.com");
            return null;
        });
        sections(window, out, suffix);
        trust(window, out, suffix);
        wizard(window, out, suffix);
        uninstall(window, out, suffix);
    }

    static void welcome(DesktopEnvironment fresh, ThemeChoice theme, Path out) throws Exception {
        new SettingsStore(fresh.configDirectory())
                .save(Settings.defaults().withTheme(theme).withWindow(Screenshots.windowBounds(new int[] {1440, 900})));
        MainWindow welcome = onFx(() -> MainWindow.open(new Stage(), fresh, Screenshots.services(fresh)));
        Shots.waitFor(
                Duration.ofSeconds(30),
                () -> onFx(() -> !welcome.model().contexts().isEmpty()));
        shoot(welcome, out.resolve("welcome-" + theme.name().toLowerCase() + ".png"));
        Screenshots.close(welcome);
    }

    /** The detail pane scrolled to its Health and Spaces sections, with a bad space name typed. */
    private static void sections(MainWindow window, Path out, String suffix) throws Exception {
        Shots.waitFor(
                Duration.ofSeconds(30),
                () -> onFx(() -> !((ListView<?>) window.stage().getScene().lookup("#spacesList"))
                        .getItems()
                        .isEmpty()));
        onFx(() -> {
            ((TextField) window.stage().getScene().lookup("#newSpaceName")).setText("Team_Payments");
            ((ScrollPane) window.stage().getScene().lookup(".detail-scroll")).setVvalue(1);
            return null;
        });
        shoot(window, out.resolve("detail-sections-" + suffix + ".png"));
        onFx(() -> {
            ((TextField) window.stage().getScene().lookup("#newSpaceName")).setText("");
            ((ScrollPane) window.stage().getScene().lookup(".detail-scroll")).setVvalue(0);
            return null;
        });
    }

    /** The trust dialog for a presented CA, with a certificate generated for the picture. */
    private static void trust(MainWindow window, Path out, String suffix) throws Exception {
        X509Certificate cert = TestCertificates.validCa("Meridian agent CA");
        CertificateInfo info = CertificateInfo.from(cert);
        PresentedCa presented = new PresentedCa(
                ProbeTarget.forEndpoint("eu-west-1.agents.example.com", TlsMode.systemTrust()),
                info,
                List.of(info),
                null,
                null);
        onFx(() -> {
            TrustDialog.show(window.stage(), "eu-west-1.agents.example.com", presented, Instant.now(), () -> {});
            return null;
        });
        Stage dialog = Shots.waitForWindow(window, "Trust the presented certificate");
        shoot(dialog, out.resolve("trust-" + suffix + ".png"));
        close(dialog);
    }

    /** The uninstall confirmation with its target chosen. */
    private static void uninstall(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        fire(window.stage(), "#uninstallAgent");
        Stage dialog = Shots.waitForWindow(window, "Uninstall agent");
        onFx(() -> {
            ((ComboBox<?>) dialog.getScene().lookup("#uninstallContext"))
                    .getSelectionModel()
                    .select(0);
            return null;
        });
        shoot(dialog, out.resolve("uninstall-" + suffix + ".png"));
        close(dialog);
    }

    /** The install wizard's first step (with a host error), its manifest preview and its advanced settings. */
    private static void wizard(MainWindow window, Path out, String suffix) throws Exception {
        select(window, "eu-west-1");
        fire(window.stage(), "#installAgent");
        Stage wizard = Shots.waitForWindow(window, "Install agent");
        onFx(() -> {
            ((TextField) wizard.getScene().lookup("#wizardHost")).setText("Agent EU West");
            return null;
        });
        fire(wizard, "#wizardNext");
        shoot(wizard, out.resolve("wizard-" + suffix + ".png"));
        onFx(() -> {
            ((ComboBox<?>) wizard.getScene().lookup("#wizardContext"))
                    .getSelectionModel()
                    .select(0);
            ((TextField) wizard.getScene().lookup("#wizardHost")).setText("agent.eu-west-1.example.com");
            return null;
        });
        fire(wizard, "#wizardNext");
        shoot(wizard, out.resolve("wizard-preview-" + suffix + ".png"));
        fire(wizard, "#wizardBack");
        onFx(() -> {
            wizard.getScene().getRoot().applyCss();
            wizard.getScene().getRoot().layout();
            ((TitledPane) wizard.getScene().lookup("#wizardAdvanced")).setExpanded(true);
            ((TextField) wizard.getScene().lookup("#wizardTimeout")).setText("soon");
            ((CheckBox) wizard.getScene().lookup("#wizardWait")).setSelected(true);
            return null;
        });
        fire(wizard, "#wizardNext");
        Thread.sleep(300);
        onFx(() -> {
            ((ScrollPane) wizard.getScene().lookup(".scroll-pane")).setVvalue(1);
            return null;
        });
        shoot(wizard, out.resolve("wizard-advanced-" + suffix + ".png"));
        close(wizard);
    }

    private static void close(Stage stage) {
        onFx(() -> {
            stage.close();
            return null;
        });
    }
}
