package dev.meridian.installer.apply;

import java.time.Duration;

/** The agent's Deployment did not become ready within the timeout; carries the replica counts. */
public final class RolloutTimeoutException extends WaitTimeoutException {

    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final int readyReplicas;
    private final int desiredReplicas;

    public RolloutTimeoutException(String namespace, int ready, int desired, Duration timeout, Throwable cause) {
        super(
                "Deployment loft-agent to roll out in namespace " + namespace + " (" + ready + "/" + desired
                        + " replicas ready)",
                timeout,
                "Every object is applied; see 'kubectl -n " + namespace + " describe deployment loft-agent' and the "
                        + "pods' events, then run the same command again or raise the timeout.",
                cause);
        this.namespace = namespace;
        this.readyReplicas = ready;
        this.desiredReplicas = desired;
    }

    public String namespace() {
        return namespace;
    }

    public int readyReplicas() {
        return readyReplicas;
    }

    public int desiredReplicas() {
        return desiredReplicas;
    }
}
