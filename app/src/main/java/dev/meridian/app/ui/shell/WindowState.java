package dev.meridian.app.ui.shell;

import dev.meridian.app.ui.settings.Settings.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores the main window where it was, if that place is still on a screen, and remembers it. */
final class WindowState {
    private static final double MIN_VISIBLE = 80;
    private final Stage stage;
    private final MainViewModel model;

    WindowState(Stage stage, MainViewModel model) {
        this.stage = stage;
        this.model = model;
    }

    void restore() {
        // Below this the top bar and the detail pane no longer fit; a smaller screen lowers it to its own
        // size (a 900x560 floor made the window overhang an 898x535 desktop and hid the status bar).
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, primary.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, primary.getHeight()));
        model.settingsProperty()
                .get()
                .window()
                .filter(WindowState::isOnAScreen)
                .ifPresentOrElse(
                        w -> {
                            stage.setX(w.x());
                            stage.setY(w.y());
                            stage.setWidth(w.width());
                            stage.setHeight(w.height());
                            stage.setMaximized(w.maximized());
                        },
                        () -> {
                            // First start: room for the table's columns and the detail pane, within the screen.
                            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                            stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
                            stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
                            stage.centerOnScreen();
                        });
    }

    private static final double MIN_WIDTH = 840;
    private static final double MIN_HEIGHT = 500;
    private static final double DEFAULT_WIDTH = 1440;
    private static final double DEFAULT_HEIGHT = 900;

    /** Saves the bounds now, on this thread: the app may be about to exit. */
    void save() {
        if (stage.getWidth() <= 0 || stage.getHeight() <= 0 || Double.isNaN(stage.getX())) {
            return;
        }
        WindowBounds bounds =
                new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        try {
            model.saveSettingsNow(model.settingsProperty().get().withWindow(bounds));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
        }
    }

    /** A window that would open off every screen (a monitor was unplugged) is centred instead. */
    private static boolean isOnAScreen(WindowBounds w) {
        Rectangle2D title = new Rectangle2D(w.x(), w.y(), Math.max(MIN_VISIBLE, w.width()), MIN_VISIBLE);
        return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(title));
    }
}
