package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.ManagementConnection;
import javafx.stage.Window;

/**
 * Opens the "Install agent" wizard (the installer module's UI). Without it the app shows no
 * install action.
 */
@FunctionalInterface
public interface AgentInstallerLauncher {
    /** Called on the FX thread; the wizard must run its own work off that thread. */
    void open(Window owner, ManagementConnection plane, ClusterInfo cluster);
}
