package dev.meridian.app.ui.tools;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for the startup benchmark: how long this JVM and JavaFX take to show an empty
 * window, with none of the app's code. Measured as the app's startup report measures it: from
 * process start to the first pulse that lays the window out.
 */
public final class EmptyWindowBaseline {
    private EmptyWindowBaseline() {}

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("baseline");
            Scene scene = new Scene(new StackPane(), 1280, 800);
            scene.addPostLayoutPulseListener(new Runnable() {
                private boolean fired;

                @Override
                public void run() {
                    if (!fired) {
                        fired = true;
                        Platform.runLater(EmptyWindowBaseline::report);
                    }
                }
            });
            stage.setScene(scene);
            stage.show();
        });
    }

    private static void report() {
        Instant start = ProcessHandle.current().info().startInstant().orElseThrow();
        System.out.printf(
                "baseline empty window shown: %d ms after process start, %d ms cpu%n",
                Duration.between(start, Instant.now()).toMillis(),
                ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toMillis());
        // Exiting from within the stage's own show handler left the JVM hanging in GTK.
        Platform.exit();
    }
}
