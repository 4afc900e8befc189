package dev.meridian.app.ui.shell;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/**
 * Hooks for the startup benchmark ({@code app/benchmark.sh}), inert unless asked for:
 * {@code -Dmeridian.startup.report=true} prints when the first frame of the main window and the
 * first clusters were laid out, in milliseconds since the process started (so JVM start-up counts
 * too) and in CPU time used by then; {@code -Dmeridian.startup.exit=window} (or {@code true})
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

    /** Watches {@code scene}'s first frame and the first rows of {@code clusters}. FX thread. */
    static void watch(Scene scene, ObservableList<?> clusters) {
        if (!REPORT && EXIT.isEmpty()) {
            return;
        }
        FirstFrame.then(scene, () -> {
            report("first window shown");
            if (EXIT.equals("true") || EXIT.equals("window")) {
                Platform.exit();
            }
        });
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
                    what,
                    sinceProcessStart().toMillis(),
                    ProcessHandle.current()
                            .info()
                            .totalCpuDuration()
                            .orElse(Duration.ZERO)
                            .toMillis());
        }
    }

    static Duration sinceProcessStart() {
        Instant start = ProcessHandle.current()
                .info()
                .startInstant()
                .orElseGet(() -> Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getStartTime()));
        return Duration.between(start, Instant.now());
    }
}
