package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.Exposure;

/**
 * The agent installation found in a namespace.
 *
 * @param installed false when there is no agent Deployment (every other field is then empty)
 * @param image the agent image; version is its tag ({@code null} for a digest-only reference)
 * @param desiredReplicas replicas asked for; readyReplicas those passing {@code /readyz}
 * @param host the host the agent was installed for; exposure how it is reached
 * @param address the load balancer's address (Ingress or LoadBalancer Service), null if none yet
 * @param caPem the agent's self-signed CA, null when not published or not used
 */
public record AgentStatus(
        String namespace,
        boolean installed,
        String image,
        String version,
        int desiredReplicas,
        int readyReplicas,
        String host,
        Exposure exposure,
        String address,
        String caPem) {

    static AgentStatus notInstalled(String namespace) {
        return new AgentStatus(namespace, false, null, null, 0, 0, null, null, null, null);
    }

    /** Installed, at least one replica asked for, and all of them ready. */
    public boolean isReady() {
        return installed && desiredReplicas > 0 && readyReplicas >= desiredReplicas;
    }
}
