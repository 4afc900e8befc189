package dev.meridian.app.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The app icon at every size the packages ship, from the class path ({@code /icons/meridian-<size>.png}). */
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private AppIcons() {}

    public static List<Image> windowIcons() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            InputStream in = AppIcons.class.getResourceAsStream("/icons/meridian-" + size + ".png");
            if (in != null) {
                images.add(new Image(in));
            }
        }
        return images;
    }

    public static Image icon(int size) {
        return new Image(
                AppIcons.class.getResource("/icons/meridian-" + size + ".png").toExternalForm());
    }
}
