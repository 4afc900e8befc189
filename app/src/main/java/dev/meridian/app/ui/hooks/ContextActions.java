package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.ManagementConnection;

/**
 * Writes and switches kube contexts for clusters (the kubeconfig module's "Use cluster" and
 * "Use space"). Without it the app shows no such actions.
 */
public interface ContextActions {
    /**
     * Makes {@code meridian_<cluster>} the current context, as {@code meridian cluster use} does.
     * Called on a background thread.
     *
     * @param plane the management plane the cluster belongs to
     * @return a sentence for the user, e.g. "Switched to meridian_eu-west (direct endpoint)."
     * @throws dev.meridian.app.MeridianException with user-facing text when it cannot
     */
    String useCluster(ManagementConnection plane, ClusterInfo cluster);

    /** Like {@link #useCluster} with the context's namespace set to {@code space}. */
    String useSpace(ManagementConnection plane, ClusterInfo cluster, String space);
}
