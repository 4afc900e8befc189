package dev.meridian.app.sandbox;

import dev.meridian.app.kubeconfig.ContextNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent install on a sandbox cluster needs no one to type: the host its loopback ingress
 * serves ({@code localhost}, the one name that reaches loopback without DNS for kubectl and Java
 * alike) and the issuer the sandbox plays cert-manager for. The sandbox marks its {@code Cluster}s
 * with {@link #LABEL}; a real cluster carries no such label, so it gets none of these defaults.
 */
public final class SandboxInstallDefaults {
    /** The label the sandbox puts on every Cluster it registers. */
    public static final String LABEL = "meridian.dev/sandbox";

    public static final String HOST = "localhost";
    public static final String CLUSTER_ISSUER = SandboxIssuer.NAME;

    private SandboxInstallDefaults() {}

    /** Whether a Cluster with these labels is one of the sandbox's. */
    public static boolean isSandbox(Map<String, String> clusterLabels) {
        return "true".equals(clusterLabels.get(LABEL));
    }

    /**
     * The kube context that reaches a sandbox cluster itself: one named as the cluster, else the
     * Meridian context of the cluster ("Use cluster" writes it; through the gateway it reaches the
     * cluster's API server).
     */
    public static Optional<String> targetContext(String cluster, List<String> contexts) {
        if (contexts.contains(cluster)) {
            return Optional.of(cluster);
        }
        String meridian = ContextNames.forCluster(cluster);
        return contexts.contains(meridian) ? Optional.of(meridian) : Optional.empty();
    }
}
