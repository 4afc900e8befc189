package dev.meridian.app.ui.tools;

import dev.meridian.app.ui.shell.ProcessStart;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The baseline for the startup benchmark: how long this JVM and JavaFX take to show an empty
 * window, with none of the app's code but a line of text. Its report is the app's: from process
 * start to the first frame on the screen, and the CPU time used by then.
 */
public final class EmptyWindowBaseline {
    private EmptyWindowBaseline() {}

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("baseline");
            // A line of text, so that app/first-frames.py can tell the painted window from the blank one mapped first.
            Scene scene = new Scene(
                    new StackPane(new Label("An empty JavaFX window: the baseline of app/benchmark.sh")), 1280, 800);
            scene.addPostLayoutPulseListener(new Runnable() {
                private boolean fired;

                @Override
                public void run() {
                    if (!fired) {
                        fired = true;
                        Platform.runLater(() -> {
                            // As the app's report: once the render thread has painted this frame (its jobs run
                            // in order, a snapshot is one) and the FX thread has put it on the screen.
                            new Rectangle(1, 1).snapshot(null, null);
                            Platform.runLater(EmptyWindowBaseline::report);
                        });
                    }
                }
            });
            stage.setScene(scene);
            stage.show();
        });
    }

    private static void report() {
        System.out.printf(
                "baseline empty window shown: %d ms after process start, %d ms cpu%n",
                ProcessStart.elapsed().toMillis(), ProcessStart.cpu().toMillis());
        // Exiting from within the stage's own show handler left the JVM hanging in GTK. Staying a moment lets
        // app/first-frames.py see the frame on a loaded machine too: it missed it when the window closed at once.
        PauseTransition linger = new PauseTransition(Duration.seconds(1));
        linger.setOnFinished(e -> Platform.exit());
        linger.play();
    }
}
