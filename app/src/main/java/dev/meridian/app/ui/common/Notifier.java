package dev.meridian.app.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows short notifications stacked in the top-right corner of the window. Successes fade after a
 * few seconds; failures stay until closed, because they tell the user what to do next.
 */
public final class Notifier {
    public enum Kind {
        SUCCESS,
        INFO,
        WARNING,
        FAILURE
    }

    private static final int MAX_VISIBLE = 4;
    private final VBox stack = new VBox(8);

    public Notifier() {
        stack.setPickOnBounds(false);
        stack.setAlignment(Pos.TOP_RIGHT);
        stack.setPadding(new Insets(56, 16, 16, 16));
        stack.setMaxWidth(420);
        stack.setId("notifications");
        StackPane.setAlignment(stack, Pos.TOP_RIGHT);
    }

    /** The layer to place on top of the window's content. */
    public VBox layer() {
        return stack;
    }

    /** Must be called on the FX thread. */
    public void show(Kind kind, String message) {
        Notification notification = new Notification(message);
        notification.getStyleClass().addAll(Styles.ELEVATED_1, style(kind));
        notification.setPrefWidth(400);
        notification.setMaxWidth(400);
        notification.setOnClose(e -> stack.getChildren().remove(notification));
        if (stack.getChildren().size() >= MAX_VISIBLE) {
            stack.getChildren().remove(0);
        }
        stack.getChildren().add(notification);
        if (kind == Kind.SUCCESS || kind == Kind.INFO) {
            PauseTransition delay = new PauseTransition(Duration.seconds(6));
            delay.setOnFinished(e -> stack.getChildren().remove(notification));
            delay.play();
        }
    }

    private static String style(Kind kind) {
        return switch (kind) {
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case FAILURE -> Styles.DANGER;
        };
    }
}
