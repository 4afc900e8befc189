package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Issue 19: a window is mapped blank and stays white until its first frame is painted and put on the screen. The
 * scene is rendered once off screen before the window exists, so that paint is quick; and work deferred until the
 * first frame waits until that frame is on the screen (without a GPU the FX thread puts it there: running the work
 * first kept the window blank).
 */
class FirstFrameTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
    }

    @Test
    void theSceneIsRenderedOnceBeforeItsWindowIsShown() throws Exception {
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            stage.setScene(new RecordingScene());
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> events.add("window shown"));
            FirstFrame.prepareBeforeShown(stage);
            stage.show();
            stage.hide();
            stage.show();
        });

        assertThat(events)
                .as("rendered off screen before the window shows, and only before it shows the first time")
                .containsExactly("rendered", "window shown", "window shown");
    }

    @Test
    void whatWaitsForTheFirstFrameRunsOnceThatFrameIsOnTheScreen() throws Exception {
        CompletableFuture<Color> seen = new CompletableFuture<>();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            Region root = new Region();
            root.setBackground(Background.fill(Color.RED));
            Scene scene = new Scene(root, 200, 150);
            stage.setScene(scene);
            stage.setX(40);
            stage.setY(40);
            FirstFrame.then(
                    scene,
                    () -> seen.complete(new Robot()
                            .getPixelColor(stage.getX() + scene.getX() + 100, stage.getY() + scene.getY() + 75)));
            stage.show();
        });

        assertThat(seen.get(10, TimeUnit.SECONDS))
                .as("the screen under the window when the deferred work runs: the window's first frame")
                .isEqualTo(Color.RED);
    }

    /** Records when it is rendered to an image, as {@link FirstFrame} renders it. */
    private final class RecordingScene extends Scene {
        RecordingScene() {
            super(new StackPane(new Label("first frame")), 320, 200);
        }

        @Override
        public WritableImage snapshot(WritableImage image) {
            events.add("rendered");
            return super.snapshot(image);
        }
    }
}
