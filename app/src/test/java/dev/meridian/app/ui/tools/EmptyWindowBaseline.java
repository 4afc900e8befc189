package dev.meridian.app.ui.tools;

import java.lang.management.ManagementFactory;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for the startup benchmark: how long this JVM and JavaFX take to show an empty
 * window, with none of the app's code. Prints in the same form as the app's startup report.
 */
public final class EmptyWindowBaseline {
    private EmptyWindowBaseline() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("baseline");
            stage.setScene(new Scene(new StackPane(), 1280, 800));
            stage.setOnShown(e -> {
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf("baseline empty window shown: %d ms after JVM start%n",
                        System.currentTimeMillis() - jvmStart);
                Platform.exit();
            });
            stage.show();
        });
    }
}
