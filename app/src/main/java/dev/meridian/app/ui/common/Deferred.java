package dev.meridian.app.ui.common;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A view built the first time it is needed. JavaFX styles and lays out hidden nodes too, so a
 * window whose first frame builds every pane it might show later pays for all of them before
 * anything appears (issue #9: most of the time to the first frame went to CSS of hidden panes).
 */
public final class Deferred {
    private Deferred() {}

    /** A holder that receives {@code build}'s node once {@code needed} is first true, and keeps it. FX thread. */
    public static StackPane until(ObservableValue<Boolean> needed, Supplier<Node> build) {
        StackPane holder = new StackPane();
        if (Boolean.TRUE.equals(needed.getValue())) {
            holder.getChildren().add(build.get());
            return holder;
        }
        ChangeListener<Boolean> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (Boolean.TRUE.equals(now)) {
                    needed.removeListener(this);
                    holder.getChildren().add(build.get());
                }
            }
        };
        needed.addListener(once);
        return holder;
    }
}
