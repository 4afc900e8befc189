package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.kubeconfig.ContextConnection;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * Opens the "Install agent" wizard and the "Uninstall agent" dialog (the installer module's UI).
 * Where it is {@link #unavailable()} the app shows neither action. Both are called on the FX thread and must run
 * their own work off that thread.
 */
public interface AgentInstallerLauncher {
    /** The part of a configuration without it: {@link #isOffered()} is false and opening throws. */
    static AgentInstallerLauncher unavailable() {
        return NotOffered.INSTANCE;
    }

    /** Whether the window shows "Install agent..." and "Uninstall agent..."; true for every real implementation. */
    default boolean isOffered() {
        return true;
    }

    void open(Window owner, ContextConnection plane, ClusterInfo cluster);

    /**
     * Whether a cluster has an agent for "Uninstall agent..." to remove, and the sentence its tooltip shows.
     *
     * @param installed whether there is an agent to remove, or, when the cluster could not be asked, whether the
     *     cluster carries the direct endpoint an install sets
     */
    record Presence(boolean installed, String reason) {

        /**
         * What the fleet says: an install ends by setting the cluster's direct endpoint and an uninstall clears it,
         * so a cluster without one (central-only) has no agent of ours to remove.
         */
        public static Presence fromFleet(ClusterInfo cluster) {
            return cluster.endpoint() instanceof EndpointState.Off
                    ? new Presence(
                            false,
                            "Nothing to uninstall: cluster " + cluster.name()
                                    + " has no direct endpoint, so no agent is installed there. "
                                    + "\"Install agent...\" sets one up.")
                    : new Presence(true, removes(cluster));
        }

        /** The tooltip of an enabled "Uninstall agent...". */
        public static String removes(ClusterInfo cluster) {
            return "Removes the agent from cluster " + cluster.name()
                    + " and clears its direct endpoint: its kube contexts use the central route again.";
        }
    }

    /**
     * Finds out whether {@code cluster} has an agent to uninstall, off the FX thread when that takes a call to the
     * cluster, and gives the answer to {@code onAnswer} once, on the FX thread. Issue 19: "Uninstall agent..." was
     * offered on every cluster, also where nothing is installed. This default answers from the fleet alone
     * ({@link Presence#fromFleet}).
     */
    default void findAgent(ContextConnection plane, ClusterInfo cluster, Consumer<Presence> onAnswer) {
        onAnswer.accept(Presence.fromFleet(cluster));
    }

    /**
     * Asks for confirmation, then removes the agent and clears the cluster's endpoint.
     *
     * @param onDone called on the FX thread with a sentence for the user when the agent was removed
     * @param onFailed called on the FX thread with what went wrong and what to do next; not called
     *     when the user cancels
     */
    void openUninstall(
            Window owner,
            ContextConnection plane,
            ClusterInfo cluster,
            Consumer<String> onDone,
            Consumer<String> onFailed);
}
