package dev.meridian.app.ui.install;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** How the install wizard and the uninstall dialog open and lay out: modal over the main window, in its look. */
final class ModalWindows {
    /** Room left for the window manager's title bar, so the buttons along the bottom stay on screen. */
    private static final double DECORATION = 64;

    /** The least a window is shrunk to, however small the screen: below it nothing is usable anyway. */
    private static final double SMALLEST = 320;

    /** The root's style class: a frame round the window, so it reads as a dialog without decorations too. */
    static final String FRAME = "modal-frame";

    private static final String STYLESHEET =
            ModalWindows.class.getResource("modal.css").toExternalForm();

    private ModalWindows() {}

    /** Makes {@code stage} a titled window modal over {@code owner}; {@code onHidden} runs once it is closed. */
    static void prepare(Stage stage, Window owner, String title, Runnable onHidden) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        stage.setOnHidden(e -> onHidden.run());
    }

    /**
     * Shows {@code root} in {@code stage} at the given size, or smaller on a screen without the room (a 1024x640
     * virtual machine cut off the wizard's buttons), styled like {@code owner}, framed as a dialog and centred on
     * {@code owner}.
     */
    static void show(Stage stage, Window owner, Parent root, double width, double height) {
        Rectangle2D screen = visualBounds(owner);
        root.getStyleClass().add(FRAME);
        Scene scene = new Scene(root, fit(width, screen.getWidth()), fit(height, screen.getHeight()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.show(); // JavaFX centres an owned window on its owner
    }

    /** {@code node} as the band along the top that holds the title, as a dialog's header. */
    static <T extends Node> T header(T node) {
        node.getStyleClass().add("modal-header");
        return node;
    }

    /** {@code node} as the band along the bottom that holds the buttons. */
    static <T extends Node> T footer(T node) {
        node.getStyleClass().add("modal-footer");
        return node;
    }

    /** {@code wanted}, or what {@code available} leaves after the window's decoration, but never below a floor. */
    static double fit(double wanted, double available) {
        return Math.max(Math.min(wanted, available - DECORATION), Math.min(wanted, SMALLEST));
    }

    /** The usable part of the screen the owner is on (the primary one without an owner). */
    private static Rectangle2D visualBounds(Window owner) {
        if (owner != null) {
            List<Screen> screens =
                    Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
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
