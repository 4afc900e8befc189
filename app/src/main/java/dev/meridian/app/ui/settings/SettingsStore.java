package dev.meridian.app.ui.settings;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.settings.Settings.WindowBounds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@code settings.properties} in the app's config directory. Writes are atomic
 * (temp file in the same directory, fsync, rename), so a crash never leaves half a file. A value
 * that cannot be read falls back to its default; the file is not rewritten until the user changes
 * something.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.properties";

    private final Path directory;

    public SettingsStore(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    public Settings load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Settings.defaults();
        }
        return new Settings(
                theme(p.getProperty("theme")),
                Optional.ofNullable(blankToNull(p.getProperty("plane.context"))),
                window(p));
    }

    public void save(Settings settings) {
        Properties p = new Properties();
        p.setProperty("theme", settings.theme().name().toLowerCase(Locale.ROOT));
        settings.planeContext().ifPresent(c -> p.setProperty("plane.context", c));
        settings.window().ifPresent(w -> {
            p.setProperty("window.x", Double.toString(w.x()));
            p.setProperty("window.y", Double.toString(w.y()));
            p.setProperty("window.width", Double.toString(w.width()));
            p.setProperty("window.height", Double.toString(w.height()));
            p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        });
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Meridian desktop settings");
            writeAtomically(file(), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MeridianException(
                    MeridianException.Kind.UNWRITABLE,
                    "Could not save settings to " + file() + ": " + e.getMessage()
                            + ". Check that the directory is writable.",
                    e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel =
                            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ThemeChoice theme(String value) {
        return "dark".equalsIgnoreCase(value) ? ThemeChoice.DARK : ThemeChoice.LIGHT;
    }

    private static Optional<WindowBounds> window(Properties p) {
        try {
            return Optional.of(new WindowBounds(
                    Double.parseDouble(p.getProperty("window.x")),
                    Double.parseDouble(p.getProperty("window.y")),
                    Double.parseDouble(p.getProperty("window.width")),
                    Double.parseDouble(p.getProperty("window.height")),
                    Boolean.parseBoolean(p.getProperty("window.maximized"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
