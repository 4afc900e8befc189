package dev.meridian.app.health;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything one probe learned.
 *
 * @param startedAt   wall-clock start of the probe
 * @param remote      the address connected to ("127.0.0.1:8443"), or null when no connection was made
 * @param tls         what the handshake showed, or null when no handshake started
 * @param httpVersion from the status line ("HTTP/1.1"), or null when no response came
 * @param status      HTTP status, or 0 when no response came
 */
public record ProbeResult(
        ProbeTarget target,
        Instant startedAt,
        Verdict verdict,
        ProbeTimings timings,
        String remote,
        TlsInfo tls,
        String httpVersion,
        int status) {

    public Optional<TlsInfo> tlsInfo() {
        return Optional.ofNullable(tls);
    }

    public Optional<CertificateInfo> leaf() {
        return tls == null || tls.chain().isEmpty()
                ? Optional.empty()
                : Optional.of(tls.chain().get(0));
    }

    public boolean isUp() {
        return verdict.isUp();
    }
}
