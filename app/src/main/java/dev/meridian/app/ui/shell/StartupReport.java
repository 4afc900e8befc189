package dev.meridian.app.ui.shell;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Hooks for the startup benchmark ({@code app/benchmark.sh}), inert unless asked for:
 * {@code -Dmeridian.startup.report=true} prints when the first frame of the main window was on the screen
 * and when the first clusters were in the table, in milliseconds since the process started (so JVM
 * start-up counts too) and in CPU time used by then; {@code -Dmeridian.startup.exit=window} (or {@code true})
 * exits after the first frame, {@code =fleet} after the first clusters. The environment variables
 * {@code MERIDIAN_STARTUP_REPORT} and {@code MERIDIAN_STARTUP_EXIT} do the same.
 */
final class StartupReport {
    private static final boolean REPORT = Boolean.parseBoolean(setting("meridian.startup.report"));
    private static final String EXIT = setting("meridian.startup.exit");

    /** The system property, else the environment variable MERIDIAN_STARTUP_REPORT/_EXIT: the packaged launcher takes no -D. */
    private static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null ? "" : value;
    }

    private StartupReport() {}

    private static boolean isInert() {
        return !REPORT && EXIT.isEmpty();
    }

    /**
     * Watches the first frame of the scene {@code stage} is about to be given. Call it before the window builds its
     * scene: what else waits for the first frame then comes after this report. FX thread.
     */
    static void watchWindow(Stage stage) {
        if (isInert()) {
            return;
        }
        stage.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> property, Scene old, Scene scene) {
                stage.sceneProperty().removeListener(this);
                // Once on the screen, not once laid out: the window is blank until the paint that follows
                // the layout is done and put on the screen (issue 19).
                FirstFrame.then(scene, () -> {
                    report("first window shown");
                    if (EXIT.equals("true") || EXIT.equals("window")) {
                        Platform.exit();
                    }
                });
            }
        });
    }

    /** Watches the first rows of {@code clusters}. FX thread. */
    static void watchFleet(ObservableList<?> clusters) {
        if (isInert()) {
            return;
        }
        clusters.addListener(new ListChangeListener<Object>() {
            @Override
            public void onChanged(Change<?> change) {
                if (!clusters.isEmpty()) {
                    clusters.removeListener(this);
                    report("fleet shown");
                    if (EXIT.equals("fleet")) {
                        Platform.runLater(Platform::exit);
                    }
                }
            }
        });
    }

    private static void report(String what) {
        if (REPORT) {
            // CPU time too: on a loaded machine it varies far less than the wall time.
            System.out.printf(
                    "%s: %d ms after process start, %d ms cpu%n",
                    what, ProcessStart.elapsed().toMillis(), ProcessStart.cpu().toMillis());
        }
    }
}
