package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException.Failure;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Locale;

/**
 * Tells a refusal by the cluster (it answered, and said no) from the cluster being out of reach,
 * and says a refusal in one sentence: what was refused, the API server's reason, what to do.
 */
final class ClusterRefusal {

    private ClusterRefusal() {}

    /** The kind of failure an exception from the client stands for. */
    static Failure failureOf(Throwable cause) {
        int code = cause instanceof KubernetesClientException k ? k.getCode() : 0;
        if (code == 409) {
            return Failure.CONFLICT;
        }
        boolean refused = code >= 400 && code < 500 && code != 401 && code != 408 && code != 429;
        return refused ? Failure.REFUSED : Failure.UNREACHABLE;
    }

    static boolean isRefusal(Throwable cause) {
        return failureOf(cause) == Failure.REFUSED;
    }

    /** {@code The cluster refused to <what>: <reason> (<code>); <advice>.}, on one line. */
    static String sentence(String what, Throwable cause, String advice) {
        KubernetesClientException refusal = (KubernetesClientException) cause;
        return "The cluster refused to " + what + ": " + reason(refusal) + " (" + refusal.getCode() + "); " + advice
                + ".";
    }

    /** What to do when applying {@code object} was refused with {@code cause}. */
    static String applyAdvice(ObjectRef object, Throwable cause) {
        return switch (((KubernetesClientException) cause).getCode()) {
            case 403 ->
                "ask for the rights to create and patch " + object.kind() + " objects "
                        + (object.isClusterScoped() ? "cluster-wide" : "in namespace " + object.namespace())
                        + ", or use a kube context that has them";
            case 415 ->
                "its API server does not accept server-side apply, which the installer uses;"
                        + " install into a cluster that does (Kubernetes 1.22 or later)";
            case 422 ->
                "the cluster finds the object invalid; correct the install option it comes from"
                        + " and run the install again";
            case 404 ->
                "the cluster does not serve this kind of object or its namespace is going away;"
                        + " check the cluster's Kubernetes version and run the install again";
            default -> "correct what the cluster names and run the install again";
        };
    }

    /**
     * The API server's message, on one line and without its closing period; else its reason
     * ({@code Forbidden} becomes {@code forbidden}); else the client's message.
     */
    static String reason(KubernetesClientException e) {
        String message = e.getStatus() == null ? null : e.getStatus().getMessage();
        if (message == null || message.isBlank()) {
            String reason = e.getStatus() == null ? null : e.getStatus().getReason();
            message = reason == null || reason.isBlank()
                    ? String.valueOf(e.getMessage())
                    : reason.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
