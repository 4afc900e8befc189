package dev.meridian.app.ui.common;

import dev.meridian.app.core.MeridianException;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The one place that turns an unexpected exception into an Alert with the details expandable. */
public final class ErrorDialogs {
    private ErrorDialogs() {}

    /** Installs the default uncaught-exception handler: every thread's surprise ends up in an Alert. */
    public static void installUncaughtHandler(java.util.function.Supplier<Window> owner) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            if (Platform.isFxApplicationThread()) {
                show(owner.get(), error);
            } else {
                Platform.runLater(() -> show(owner.get(), error));
            }
        });
    }

    /** Shows {@code error} to the user. Must be called on the FX thread. */
    public static void show(Window owner, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle("Meridian - unexpected error");
        alert.setHeaderText("Something went wrong");
        alert.setContentText(userMessage(error)
                + "\n\nYour data is unchanged. If this keeps happening, report it with the details below.");
        TextArea details = new TextArea(stackTrace(error));
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(16);
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(details));
        alert.show();
    }

    /** The text to show for a failure: our own messages as they are, others with their type. */
    public static String userMessage(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null
                && !(e instanceof MeridianException)
                && (e.getMessage() == null || e instanceof java.util.concurrent.ExecutionException)) {
            e = e.getCause();
        }
        if (e instanceof MeridianException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
