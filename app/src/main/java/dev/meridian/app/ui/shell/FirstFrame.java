package dev.meridian.app.ui.shell;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** A window's first frame: shown with its layout at once, and what can wait deferred until it is up. */
final class FirstFrame {
    private FirstFrame() {}

    /**
     * Renders {@code stage}'s scene once off screen when the stage is about to be shown the first time, before its
     * window exists. A window is mapped blank (white, in the dark theme too) and stays so until JavaFX has painted
     * its first frame, and that first paint ran cold code (renderer, glyph and background caches): on a first run a
     * white window for 0.7 to 1.8 s on a loaded 2-core machine (issue 19). Paid here instead, the time passes before
     * the window appears, and the paint after it is mapped is a warm one.
     */
    static void prepareBeforeShown(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWING, new EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWING, this);
                if (stage.getScene() != null) {
                    // Styles and lays the scene out too.
                    stage.getScene().snapshot(null);
                }
            }
        });
    }

    /**
     * Runs {@code action} once, on the FX thread, when the first frame of {@code scene} is on the screen, so that what
     * the user sees first is not kept waiting.
     */
    static void then(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean fired;

            @Override
            public void run() {
                if (fired) {
                    return;
                }
                fired = true;
                // The scene is iterating its listeners now: remove this one afterwards.
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(this);
                    awaitPainted();
                    // Without a GPU (prism's sw pipeline: VMs, remote X, Xvfb) the painted frame is put on the
                    // screen by a task the render thread queues for the FX thread as it finishes the paint: run
                    // after it. Ran before it, the work deferred to this point kept the window blank (issue 19).
                    Platform.runLater(action);
                });
            }
        });
    }

    /**
     * Returns once the render thread has painted the frames it was given so far. It takes jobs in order, and a
     * snapshot is one: the snapshot of a tiny shape waits for them and costs next to nothing itself.
     */
    private static void awaitPainted() {
        new Rectangle(1, 1).snapshot(null, null);
    }
}
