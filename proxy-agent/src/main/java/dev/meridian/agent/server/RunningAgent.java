package dev.meridian.agent.server;

import java.util.Optional;

/** A started agent. {@link #close()} drains requests in flight (up to the configured grace) and stops it. */
public interface RunningAgent extends AutoCloseable {

    /** The proxy listener's port (the real one when 0 was configured). */
    int port();

    /** The admin listener's port, or -1 when disabled. */
    int adminPort();

    /** Whether the proxy listener speaks TLS. */
    boolean isTls();

    /** The self-signed CA in PEM, when the agent generated its own certificate. */
    Optional<String> caCertificatePem();

    /** Whether the agent takes traffic (false while starting or draining). */
    boolean isReady();

    @Override
    void close();
}
