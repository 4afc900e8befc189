package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import java.util.List;

/**
 * Writes and switches kube contexts for clusters and works with their spaces (the kubeconfig
 * module's "Use cluster", "Use space" and "Create space"). Where it is {@link #unavailable()} the app shows no such
 * actions and no Spaces section. Every method but {@link #isOffered()} is called on a background thread and may block.
 */
public interface ContextActions {
    /** The part of a configuration without it: {@link #isOffered()} is false and every other method throws. */
    static ContextActions unavailable() {
        return NotOffered.INSTANCE;
    }

    /** Whether the window shows these actions; true for every real implementation. */
    default boolean isOffered() {
        return true;
    }

    /**
     * Makes {@code meridian_<cluster>} the current context, as {@code meridian cluster use} does.
     *
     * @param plane the management plane the cluster belongs to
     * @return a sentence for the user, e.g. "Switched to meridian_eu-west (direct endpoint)."
     * @throws dev.meridian.app.core.MeridianException with user-facing text when it cannot
     */
    String useCluster(ContextConnection plane, ClusterInfo cluster);

    /**
     * Like {@link #useCluster} with the context's namespace set to {@code space}, which must exist, as
     * {@code meridian space use} does.
     */
    String useSpace(ContextConnection plane, ClusterInfo cluster, String space);

    /** Creates the space through the cluster's route, then switches to it, as {@code meridian space create} does. */
    String createSpace(ContextConnection plane, ClusterInfo cluster, String space);

    /** The cluster's spaces (namespaces), sorted, read through the route its context takes. */
    List<String> spaces(ContextConnection plane, ClusterInfo cluster);
}
