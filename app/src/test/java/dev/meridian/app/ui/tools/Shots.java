package dev.meridian.app.ui.tools;

import dev.meridian.app.ui.fleet.ClusterRow;
import dev.meridian.app.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/** What the screenshot phases share: running on the FX thread, waiting, finding windows, and saving PNGs. */
final class Shots {
    private Shots() {}

    /** A snapshot of the stage's scene, as the user sees the window's content (no window manager's frame). */
    static void shoot(Stage stage, Path file) throws IOException, InterruptedException {
        Thread.sleep(700); // let layout, fonts and animations settle; this is a rendering tool, not a test
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    static void shoot(MainWindow window, Path file) throws IOException, InterruptedException {
        shoot(window.stage(), file);
    }

    /**
     * A snapshot of one node at its full laid-out size, such as a scroll pane's whole content, on the background the
     * nearest ancestor paints (a node's snapshot is otherwise filled white, wrong in the dark theme).
     */
    static void shootNode(Stage stage, String selector, Path file) throws IOException, InterruptedException {
        Thread.sleep(700);
        WritableImage image = onFx(() -> {
            Node node = stage.getScene().lookup(selector);
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(backgroundOf(node));
            return node.snapshot(parameters, null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static Paint backgroundOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region && region.getBackground() != null) {
                for (BackgroundFill fill : region.getBackground().getFills()) {
                    if (fill.getFill() instanceof Color color && color.getOpacity() == 1) {
                        return color;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    /** The X screen (what another program shows too, such as the tray's menu), cropped to {@code geometry}. */
    static void grabScreen(String geometry, Path file) throws IOException, InterruptedException {
        Thread.sleep(700);
        run("import", "-window", "root", "-crop", geometry, "+repage", file.toString());
        System.out.println("wrote " + file);
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
        }
    }

    /** Fires a button once it is there and enabled: panes are built, and actions offered, in the background. */
    static void fire(Window window, String selector) throws InterruptedException {
        waitFor(
                Duration.ofSeconds(30),
                () -> onFx(() -> window.getScene().lookup(selector) instanceof Button button && !button.isDisabled()));
        onFx(() -> {
            ((Button) window.getScene().lookup(selector)).fire();
            return null;
        });
    }

    static String text(Window window, String selector) {
        return onFx(() -> {
            Node node = window.getScene().lookup(selector);
            return node instanceof Labeled labeled ? labeled.getText() : "";
        });
    }

    @SuppressWarnings("unchecked")
    static TableView<ClusterRow> table(MainWindow window) {
        return (TableView<ClusterRow>) window.stage().getScene().lookup("#clusterTable");
    }

    static void select(MainWindow window, String name) {
        onFx(() -> {
            TableView<ClusterRow> table = table(window);
            table.getItems().stream()
                    .filter(r -> r.name().equals(name))
                    .findFirst()
                    .ifPresent(r -> {
                        table.getSelectionModel().select(r);
                        table.scrollTo(r);
                    });
            table.requestFocus();
            return null;
        });
    }

    /**
     * Waits a while for the detail pane's spaces, which load in the background and load again when the cluster
     * changes (a probe, the watch): until the list has held items for a second. Some clusters have none.
     */
    static void awaitSpaces(MainWindow window) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int shown = 0;
        while (shown < 10 && System.nanoTime() < deadline) {
            boolean some = onFx(() ->
                    window.stage().getScene().lookup("#spacesList") instanceof javafx.scene.control.ListView<?> list
                            && !list.getItems().isEmpty());
            shown = some ? shown + 1 : 0;
            Thread.sleep(100);
        }
        if (shown < 10) {
            System.out.println("no spaces shown in " + window.stage().getTitle());
        }
    }

    /** Waits for the window's notifications (a success stays a few seconds) to go. */
    static void awaitNoNotifications(MainWindow window) throws InterruptedException {
        waitFor(
                Duration.ofSeconds(20),
                () -> onFx(() -> window.stage().getScene().getRoot().lookupAll(".notification").stream()
                        .noneMatch(Node::isVisible)));
    }

    static Stage waitForWindow(MainWindow window, String titlePrefix) throws InterruptedException {
        waitFor(Duration.ofSeconds(30), () -> !dialogs(window, titlePrefix).isEmpty());
        return dialogs(window, titlePrefix).get(0);
    }

    private static List<Stage> dialogs(MainWindow window, String titlePrefix) {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w != window.stage() && w.isShowing())
                .filter(Stage.class::isInstance)
                .map(Stage.class::cast)
                .filter(s -> s.getTitle() != null && s.getTitle().startsWith(titlePrefix))
                .toList());
    }

    static void waitFor(Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + patience + " waiting for the window");
            }
            Thread.sleep(100);
        }
    }

    static <T> T onFx(Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
