package dev.meridian.app.health;

import java.time.Duration;

/**
 * Time spent in each phase of one probe. Phases are durations, not cumulative offsets; a phase
 * that was not reached is null.
 *
 * @param dns          name resolution (zero for an IP literal)
 * @param connect      TCP connect
 * @param tlsHandshake TLS handshake
 * @param firstByte    from the request being sent to the first byte of the response (server time)
 * @param total        from the start of the probe to its end, whatever the outcome
 */
public record ProbeTimings(Duration dns, Duration connect, Duration tlsHandshake, Duration firstByte, Duration total) {

    public ProbeTimings {
        if (total == null) {
            throw new IllegalArgumentException("total is required");
        }
    }
}
