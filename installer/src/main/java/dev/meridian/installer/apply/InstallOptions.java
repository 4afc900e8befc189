package dev.meridian.installer.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * How an install or upgrade runs.
 *
 * @param timeout upper bound for the rollout wait (and for the agent to publish its CA); default 5m
 * @param waitForRollout when false, return right after applying, without waiting for ready replicas
 * @param insecure the user asked for an endpoint without certificate verification; only carried
 *     to {@link InstallResult#insecure()} for the caller to record, it changes no object
 */
public record InstallOptions(Duration timeout, boolean waitForRollout, boolean insecure) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public InstallOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** Wait up to 5 minutes, verify certificates. */
    public static InstallOptions defaults() {
        return new InstallOptions(DEFAULT_TIMEOUT, true, false);
    }

    public InstallOptions withTimeout(Duration value) {
        return new InstallOptions(value, waitForRollout, insecure);
    }

    public InstallOptions withWaitForRollout(boolean value) {
        return new InstallOptions(timeout, value, insecure);
    }

    public InstallOptions withInsecure(boolean value) {
        return new InstallOptions(timeout, waitForRollout, value);
    }
}
