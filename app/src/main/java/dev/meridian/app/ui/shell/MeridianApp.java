package dev.meridian.app.ui.shell;

import dev.meridian.app.ui.common.ErrorDialogs;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application. Started only through {@link DesktopLauncher}. */
public final class MeridianApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        ErrorDialogs.installUncaughtHandler(() -> stage);
        StartupReport.watchWindow(stage);
        window = open(stage, DesktopLauncher.startup());
        StartupReport.watchFleet(window.model().fleet().rows());
    }

    /**
     * Shows the main window first and only then starts what takes longer (issue #9): on a first
     * run the window says it is connecting while the sandbox starts, and the fleet fills in once
     * it runs.
     */
    static MainWindow open(Stage stage, DesktopLauncher.Startup startup) {
        DesktopEnvironment environment = startup.environment();
        PlaneSession.Connector connector = PlaneSession.fromKubeconfig(environment.kubeconfig(), environment.clock());
        FirstFrame.prepareBeforeShown(stage);
        MainWindow window = MainWindow.open(
                stage,
                environment,
                startup.services(),
                startup.firstRunSandbox().map(s -> s.awaiting(connector)).orElse(connector),
                startup.firstRunSandbox().map(FirstRunSandbox::context).orElse(null));
        startup.firstRunSandbox().ifPresent(sandbox -> {
            FirstFrame.then(
                    stage.getScene(), () -> sandbox.start(() -> Platform.runLater(window.model()::reloadContexts)));
        });
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
