package dev.meridian.app.ui.install;

import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A run's log: one line per step, wrapped to the list's width so an error's whole text is read without scrolling. */
final class RunLog {
    private RunLog() {}

    static ListView<String> of(ObservableList<String> lines, String id) {
        ListView<String> log = new ListView<>(lines);
        log.setId(id);
        log.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                // The cell's width follows the list's, less its scrollbar, so long lines wrap instead of scroll.
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        return log;
    }
}
