package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraySettingsTest {
    @TempDir
    Path config;

    @Test
    void keepsRunningInTheTrayByDefault() {
        assertThat(new TraySettings(config.resolve("not-yet-created")).keepRunning())
                .isTrue();
    }

    @ParameterizedTest(name = "saved {0}")
    @ValueSource(booleans = {true, false})
    void aSavedChoiceIsReadBack(boolean keep) {
        new TraySettings(config.resolve("meridian")).setKeepRunning(keep);

        assertThat(new TraySettings(config.resolve("meridian")).keepRunning()).isEqualTo(keep);
        assertThat(config.resolve("meridian"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("tray.properties"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void anUnreadableFileCountsAsTheDefaultAndIsReplacedOnSave() throws IOException {
        Files.write(config.resolve("tray.properties"), new byte[] {'a', '=', '\\', 'u', '1'});
        TraySettings settings = new TraySettings(config);
        assertThat(settings.keepRunning()).isTrue();

        settings.setKeepRunning(false);
        assertThat(settings.keepRunning()).isFalse();
    }
}
