package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
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
