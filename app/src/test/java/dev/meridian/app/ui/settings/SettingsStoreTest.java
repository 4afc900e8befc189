package dev.meridian.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.settings.Settings.WindowBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstRunHasDefaultsAndNoPlane() {
        Settings settings = new SettingsStore(dir.resolve("meridian")).load();

        assertThat(settings.theme()).isEqualTo(ThemeChoice.LIGHT);
        assertThat(settings.planeContext()).isEmpty();
        assertThat(settings.window()).isEmpty();
    }

    @Test
    void savedSettingsReadBackEqual() {
        SettingsStore store = new SettingsStore(dir.resolve("nested").resolve("meridian"));
        Settings saved = new Settings(
                ThemeChoice.DARK, Optional.of("prod-mgmt"), Optional.of(new WindowBounds(10.5, 20, 1400, 900, true)));

        store.save(saved);

        assertThat(store.load()).isEqualTo(saved);
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).as("no temp file left behind").containsExactly(store.file());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void savingReplacesTheWholeFile() {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.defaults().withPlaneContext("a").withWindow(new WindowBounds(0, 0, 800, 600, false)));

        store.save(Settings.defaults().withTheme(ThemeChoice.DARK));

        assertThat(store.load()).isEqualTo(Settings.defaults().withTheme(ThemeChoice.DARK));
    }

    @Test
    void unreadableValuesFallBackToDefaultsWithoutTouchingTheFile() throws IOException {
        SettingsStore store = new SettingsStore(dir);
        String garbage = "theme=purple\nwindow.width=wide\nplane.context=mgmt\n";
        Files.writeString(store.file(), garbage);

        Settings settings = store.load();

        assertThat(settings.theme()).isEqualTo(ThemeChoice.LIGHT);
        assertThat(settings.window()).isEmpty();
        assertThat(settings.planeContext()).contains("mgmt");
        assertThat(Files.readString(store.file())).isEqualTo(garbage);
    }
}
