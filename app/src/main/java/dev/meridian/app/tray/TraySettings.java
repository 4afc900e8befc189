package dev.meridian.app.tray;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The tray's one setting, whether closing the main window keeps the app running in the tray, kept
 * in {@code tray.properties} in the app's config directory. Written atomically.
 */
public final class TraySettings {
    static final String KEEP_RUNNING = "keep-running-when-closed";

    private final Path file;

    public TraySettings(Path configDirectory) {
        this.file = configDirectory.resolve("tray.properties");
    }

    /** On by default; an unreadable file counts as the default and is replaced by the next save. */
    public boolean keepRunning() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return true;
            }
        }
        return !"false"
                .equalsIgnoreCase(properties.getProperty(KEEP_RUNNING, "true").trim());
    }

    public void setKeepRunning(boolean value) {
        Properties properties = new Properties();
        properties.setProperty(KEEP_RUNNING, Boolean.toString(value));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "tray", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                properties.store(out, "Meridian tray");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to save the tray setting to " + file + ": " + e.getMessage(), e);
        }
    }
}
