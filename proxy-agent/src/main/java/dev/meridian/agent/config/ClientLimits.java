package dev.meridian.agent.config;

import java.time.Duration;

/**
 * What one client may hold of the agent, so that neither a slow nor a hostile client can pin its
 * connections, threads' time or the API server's connections.
 *
 * @param headTimeout            a request head must be complete this long after its first byte (slowloris)
 * @param idleTimeout            a client connection with no request in flight closes after this silence;
 *                               a client silent this long while sending a body has its request aborted (408)
 * @param maxConnections         client connections served at once in total; past it (and past the per-client
 *                               bound) a connection serves only {@code /healthz} and {@code /readyz}
 * @param maxConnectionsPerClient client connections served at once from one address
 * @param maxUpstreamPerClient   API-server connections one user holds at once (each watch, exec or request in
 *                               flight holds one); past it a request is answered 429
 */
public record ClientLimits(
        Duration headTimeout,
        Duration idleTimeout,
        int maxConnections,
        int maxConnectionsPerClient,
        int maxUpstreamPerClient) {
    public static final ClientLimits DEFAULT =
            new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), 10_000, 2048, 256);

    public ClientLimits {
        AgentConfig.requirePositive("head timeout", headTimeout);
        AgentConfig.requirePositive("client idle timeout", idleTimeout);
        requireAtLeastOne("max connections", maxConnections);
        requireAtLeastOne("max connections per client", maxConnectionsPerClient);
        requireAtLeastOne("max upstream connections per client", maxUpstreamPerClient);
    }

    private static void requireAtLeastOne(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + n);
        }
    }
}
