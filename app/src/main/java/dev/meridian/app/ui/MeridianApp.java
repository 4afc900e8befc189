package dev.meridian.app.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Started only through {@link DesktopLauncher}. */
public final class MeridianApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        ErrorDialogs.installUncaughtHandler(() -> stage);
        window = MainWindow.open(stage, DesktopLauncher.environment(), DesktopLauncher.integrations());
        DesktopLauncher.initialPlane().ifPresent(window.model()::connect);
        StartupReport.watch(stage.getScene(), window.model().fleet().rows());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
