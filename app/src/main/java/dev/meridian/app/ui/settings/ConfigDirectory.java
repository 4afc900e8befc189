package dev.meridian.app.ui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the desktop app keeps its settings, as each platform expects. */
public final class ConfigDirectory {
    private ConfigDirectory() {}

    /**
     * Linux and other Unix: {@code $XDG_CONFIG_HOME/meridian}, else {@code ~/.config/meridian};
     * Windows: {@code %APPDATA%\Meridian}; macOS: {@code ~/Library/Application Support/Meridian}.
     */
    public static Path forPlatform(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData)
                    : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Meridian");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Meridian");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("meridian");
    }
}
