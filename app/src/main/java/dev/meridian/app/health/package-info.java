/**
 * Health and TLS diagnostics for cluster endpoints, shared by the CLI and the UI (no JavaFX, no picocli).
 *
 * <ul>
 *   <li>{@link dev.meridian.app.health.ProbeTarget}: {@code https://HOST[:PORT]/healthz} with the
 *       {@link dev.meridian.app.health.TlsMode} of the cluster's kube context.</li>
 *   <li>{@link dev.meridian.app.health.Prober}: one probe ({@code probe}), many at once with bounded
 *       concurrency ({@code probeAll}, {@code submit}), and trust on first use ({@code fetchPresentedCa}).</li>
 *   <li>{@link dev.meridian.app.health.ProbeResult}: the {@link dev.meridian.app.health.Verdict} (Up,
 *       Degraded with reasons, Down with a {@link dev.meridian.app.health.DownCause}), timings, TLS and
 *       certificate details.</li>
 *   <li>{@link dev.meridian.app.health.HealthMonitor}: periodic probing with jitter and backoff; the last
 *       result per cluster in a {@link dev.meridian.app.health.ProbeResultStore} that a
 *       {@link dev.meridian.app.health.ProbeListener} observes.</li>
 * </ul>
 */
package dev.meridian.app.health;
