package dev.meridian.app.ui.install;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.TextArea;

/**
 * A run's log: one line per step, wrapped to the pane's width so an error's whole text is read without scrolling,
 * and selectable, so it can be copied into a ticket or a search.
 */
final class RunLog {
    private RunLog() {}

    static TextArea of(ObservableList<String> lines, String id) {
        TextArea log = new TextArea();
        log.setId(id);
        log.setEditable(false);
        log.setWrapText(true);
        log.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", lines), lines));
        // Follow the newest line, as a terminal does.
        log.textProperty().addListener((o, was, now) -> log.positionCaret(now.length()));
        return log;
    }
}
