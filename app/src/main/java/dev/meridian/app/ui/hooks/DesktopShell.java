package dev.meridian.app.ui.hooks;

import dev.meridian.app.ui.fleet.ClusterRow;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

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
     * The connected clusters, live from the watch, each with its last probed health; read-only.
     * Rows are updated in place; listen to {@link ClusterRow#infoProperty()} and
     * {@link ClusterRow#healthProperty()} or to the list, which reports such updates.
     */
    ObservableList<ClusterRow> clusters();

    /** The management plane's kube context, or empty when none is connected. */
    ReadOnlyStringProperty planeContextProperty();
}
