package dev.meridian.app.ui.settings;

import java.util.Optional;

/**
 * What the desktop app remembers between runs.
 *
 * @param planeContext the kube context of the management plane last connected to; empty on first run
 * @param window the main window's last bounds; empty until it was closed once
 */
public record Settings(ThemeChoice theme, Optional<String> planeContext, Optional<WindowBounds> window) {

    public enum ThemeChoice {
        LIGHT,
        DARK;

        public ThemeChoice other() {
            return this == LIGHT ? DARK : LIGHT;
        }
    }

    /** A window's position and size in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public WindowBounds {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
            }
        }
    }

    public static Settings defaults() {
        return new Settings(ThemeChoice.LIGHT, Optional.empty(), Optional.empty());
    }

    public Settings withTheme(ThemeChoice value) {
        return new Settings(value, planeContext, window);
    }

    public Settings withPlaneContext(String value) {
        return new Settings(theme, Optional.ofNullable(value), window);
    }

    public Settings withWindow(WindowBounds value) {
        return new Settings(theme, planeContext, Optional.ofNullable(value));
    }
}
