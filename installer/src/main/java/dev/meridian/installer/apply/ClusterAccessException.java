package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Reading from or deleting in the target cluster failed: it was out of reach or did not take our
 * credentials ({@link Failure#UNREACHABLE}), or it refused the request ({@link Failure#REFUSED}).
 */
public final class ClusterAccessException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    public ClusterAccessException(String operation, Throwable cause) {
        super(ClusterRefusal.failureOf(cause), message(operation, cause), cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    private static String message(String operation, Throwable cause) {
        if (ClusterRefusal.isRefusal(cause)) {
            return ClusterRefusal.sentence(
                    operation, cause, "ask for the rights to do that, or use a kube context that has them");
        }
        return "failed to " + operation + ": " + reason(cause)
                + ". Check that the target context reaches the cluster and may manage the agent's objects.";
    }

    /** The API server's status message when there is one, otherwise the exception's message. */
    static String reason(Throwable cause) {
        if (cause instanceof KubernetesClientException k
                && k.getStatus() != null
                && k.getStatus().getMessage() != null) {
            return "HTTP " + k.getCode() + " " + k.getStatus().getMessage();
        }
        if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
            return "HTTP " + k.getCode() + " " + k.getMessage();
        }
        if (cause instanceof KubernetesClientException && cause.getCause() != null) {
            // No answer at all: fabric8's "Operation: [list] for kind: [Ingress] with name: [null]..." says less
            // than what stopped it (issue 19).
            return "no answer from the cluster (" + innermost(cause) + ")";
        }
        return String.valueOf(cause.getMessage());
    }

    /** The message of the deepest cause that has one, e.g. "Connection refused". */
    private static String innermost(Throwable cause) {
        String message = cause.getMessage();
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return String.valueOf(message).strip();
    }
}
