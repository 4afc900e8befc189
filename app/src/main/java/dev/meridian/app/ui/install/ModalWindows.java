package dev.meridian.app.ui.install;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** How the install wizard and the uninstall dialog open and lay out: modal over the main window, in its look. */
final class ModalWindows {
    private ModalWindows() {}

    /** Makes {@code stage} a titled window modal over {@code owner}; {@code onHidden} runs once it is closed. */
    static void prepare(Stage stage, Window owner, String title, Runnable onHidden) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        stage.setOnHidden(e -> onHidden.run());
    }

    /** Shows {@code root} in {@code stage} at the given size, styled like {@code owner}. */
    static void show(Stage stage, Window owner, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    /** Lays {@code grid} out as a form: labels at least {@code labelMinWidth} wide, fields taking the rest. */
    static void formColumns(GridPane grid, double rowGap, double labelMinWidth) {
        grid.setHgap(12);
        grid.setVgap(rowGap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(labelMinWidth);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
    }
}
