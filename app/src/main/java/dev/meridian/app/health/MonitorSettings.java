package dev.meridian.app.health;

import java.time.Duration;

/**
 * How often a {@link HealthMonitor} probes.
 *
 * @param interval   delay between probes of an endpoint that is not Down (default 30 s)
 * @param jitter     each delay is spread by up to this fraction either way, so endpoints added together do
 *                   not stay in lockstep (0 &le; jitter &lt; 1, default 0.2)
 * @param maxBackoff longest delay for an endpoint that keeps being Down (default 5 min)
 */
public record MonitorSettings(Duration interval, double jitter, Duration maxBackoff) {

    public MonitorSettings {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        if (maxBackoff == null || maxBackoff.compareTo(interval) < 0) {
            throw new IllegalArgumentException("max backoff must be at least the interval, was " + maxBackoff);
        }
    }

    public static MonitorSettings defaults() {
        return new MonitorSettings(Duration.ofSeconds(30), 0.2, Duration.ofMinutes(5));
    }

    /**
     * The delay before the next probe: the interval, doubled for each consecutive Down result and capped
     * at {@code maxBackoff}, then spread by the jitter.
     *
     * @param random uniform in [0, 1); 0.5 means no spread
     */
    public Duration nextDelay(int consecutiveDown, double random) {
        long base = interval.toMillis();
        long cap = maxBackoff.toMillis();
        long backedOff = base;
        for (int i = 0; i < consecutiveDown && backedOff < cap; i++) {
            backedOff *= 2;
        }
        backedOff = Math.min(backedOff, cap);
        double spread = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, Math.round(backedOff * spread)));
    }
}
