package dev.meridian.installer.manifest;

/** How the agent is reached from outside the connected cluster. */
public enum Exposure {
    /** An Ingress terminates TLS for the host and forwards plain HTTP to Service {@code loft-agent}. */
    INGRESS,
    /** A LoadBalancer Service; the agent serves TLS itself with a self-signed certificate. */
    LOADBALANCER,
    /** A NodePort Service; the agent serves TLS itself with a self-signed certificate. */
    NODEPORT;

    /** True when no ingress terminates TLS, so the agent must serve HTTPS with its own CA. */
    public boolean isServedByAgentTls() {
        return this != INGRESS;
    }
}
