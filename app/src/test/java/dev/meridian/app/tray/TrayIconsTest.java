package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.health.HealthSummary.Verdict;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TrayIconsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Verdict.class)
    void everyHealthHasAnIconOnTheClassPath(Verdict verdict) {
        BufferedImage image = (BufferedImage) TrayIcons.load(verdict, 24);
        assertThat(image.getWidth()).isEqualTo(24);
        assertThat(TrayIcons.resource(verdict, 24)).startsWith("/icons/tray-").endsWith("-24.png");
    }

    @ParameterizedTest(name = "{0} px wanted, {1} px loaded")
    @CsvSource({"1, 16", "16, 16", "22, 24", "24, 24", "30, 32", "64, 64", "100, 128", "1000, 128"})
    void picksTheSmallestRenderedSizeThatIsLargeEnough(int wanted, int loaded) {
        assertThat(TrayIcons.sizeFor(wanted)).isEqualTo(loaded);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"UP, healthy", "DEGRADED, degraded", "DOWN, down", "UNKNOWN, unknown"})
    void namesFilesAfterTheIconSet(Verdict verdict, String word) {
        assertThat(TrayIcons.healthWord(verdict)).isEqualTo(word);
    }
}
