package dev.meridian.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDirectoryTest {

    @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            linux with XDG_CONFIG_HOME       | Linux      | XDG_CONFIG_HOME=/xdg | /xdg/meridian
            linux without XDG_CONFIG_HOME    | Linux      | -                    | /home/ann/.config/meridian
            linux ignores a relative XDG     | Linux      | XDG_CONFIG_HOME=rel  | /home/ann/.config/meridian
            windows uses APPDATA             | Windows 11 | APPDATA=/appdata     | /appdata/Meridian
            windows without APPDATA          | Windows 11 | -                    | /home/ann/AppData/Roaming/Meridian
            macOS application support        | Mac OS X   | XDG_CONFIG_HOME=/xdg | /home/ann/Library/Application Support/Meridian
            """)
    void followsThePlatformConvention(String name, String os, String variable, String expected) {
        Map<String, String> env = new HashMap<>();
        if (variable != null) {
            String[] kv = variable.split("=", 2);
            env.put(kv[0], kv[1]);
        }
        assertThat(ConfigDirectory.forPlatform(os, env, Path.of("/home/ann"))).isEqualTo(Path.of(expected));
    }
}
