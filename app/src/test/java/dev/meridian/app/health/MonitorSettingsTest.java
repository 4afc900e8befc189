package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorSettingsTest {
    private static final MonitorSettings NO_JITTER =
            new MonitorSettings(Duration.ofSeconds(30), 0, Duration.ofMinutes(5));

    @ParameterizedTest(name = "{0} consecutive Down -> {1} s")
    @CsvSource({"0, 30", "1, 60", "2, 120", "3, 240", "4, 300", "5, 300", "1000, 300"})
    void delayDoublesForEachConsecutiveDownUpToTheCap(int consecutiveDown, long seconds) {
        assertThat(NO_JITTER.nextDelay(consecutiveDown, 0.5)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "random {0} -> {1} ms")
    @CsvSource({"0.0, 24000", "0.25, 27000", "0.5, 30000", "0.75, 33000", "0.999999, 36000"})
    void jitterSpreadsTheDelayEitherWay(double random, long millis) {
        MonitorSettings settings = new MonitorSettings(Duration.ofSeconds(30), 0.2, Duration.ofMinutes(5));

        assertThat(settings.nextDelay(0, random)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "interval {0} s, jitter {1}, max {2} s")
    @CsvSource({"0, 0.1, 60", "30, 1.0, 60", "30, -0.1, 60", "30, 0.1, 10"})
    void nonsensicalSettingsAreRejected(long interval, double jitter, long max) {
        assertThatThrownBy(() -> new MonitorSettings(Duration.ofSeconds(interval), jitter, Duration.ofSeconds(max)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
