package dev.meridian.app.health;

import java.time.Duration;

final class Durations {
    private Durations() {}

    /** "850 ms", "3.2 s", "5 days 3 h". */
    static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long millis = d.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " days " + d.toHoursPart() + " h";
    }
}
