package dev.meridian.app.ui.hooks;

import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the running desktop app offers to companions such as the tray. Every method must be called
 * on the FX thread.
 */
public interface DesktopShell {
    /** Shows, restores and focuses the main window. */
    void showMainWindow();

    /** Saves the window state, stops background work and exits. */
    void quit();

    /**
     * The connected clusters with their last probed health, and the plane they belong to; a new snapshot whenever
     * the window's fleet or plane changes.
     */
    ReadOnlyObjectProperty<FleetSnapshot> fleetProperty();
}
