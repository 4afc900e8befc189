package dev.meridian.app.health;

import java.time.Duration;

/**
 * Knobs of a probe.
 *
 * @param timeout        hard limit for one probe, all phases together (default 3 s)
 * @param slowThreshold  a probe whose total time is above this is Degraded (default 1 s)
 * @param expiryWarning  a verified certificate expiring within this is Degraded (default 14 days)
 * @param maxConcurrency probes running at once in {@link Prober#submit}/{@link Prober#probeAll} (1..64, default 64)
 */
public record ProbeSettings(Duration timeout, Duration slowThreshold, Duration expiryWarning, int maxConcurrency) {

    public static final int MAX_THREADS = 64;

    public ProbeSettings {
        requirePositive(timeout, "timeout");
        requirePositive(slowThreshold, "slow threshold");
        requirePositive(expiryWarning, "expiry warning");
        if (maxConcurrency < 1 || maxConcurrency > MAX_THREADS) {
            throw new IllegalArgumentException("max concurrency must be 1.." + MAX_THREADS + ", was " + maxConcurrency);
        }
    }

    public static ProbeSettings defaults() {
        return new ProbeSettings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofDays(14), MAX_THREADS);
    }

    public ProbeSettings withTimeout(Duration value) {
        return new ProbeSettings(value, slowThreshold, expiryWarning, maxConcurrency);
    }

    public ProbeSettings withSlowThreshold(Duration value) {
        return new ProbeSettings(timeout, value, expiryWarning, maxConcurrency);
    }

    public ProbeSettings withExpiryWarning(Duration value) {
        return new ProbeSettings(timeout, slowThreshold, value, maxConcurrency);
    }

    public ProbeSettings withMaxConcurrency(int value) {
        return new ProbeSettings(timeout, slowThreshold, expiryWarning, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
