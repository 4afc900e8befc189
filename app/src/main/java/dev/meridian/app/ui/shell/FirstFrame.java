package dev.meridian.app.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Defers work until a scene's first frame is up, so what the user sees first is not kept waiting. */
final class FirstFrame {
    private FirstFrame() {}

    /** Runs {@code action} once, on the FX thread, right after the first pulse has laid out {@code scene}. */
    static void then(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean fired;

            @Override
            public void run() {
                if (fired) {
                    return;
                }
                fired = true;
                // Returning first lets this pulse render the frame it has just laid out; and the
                // scene is iterating its listeners now, so remove this one afterwards.
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(this);
                    action.run();
                });
            }
        });
    }
}
