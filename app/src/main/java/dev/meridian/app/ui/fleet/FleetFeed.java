package dev.meridian.app.ui.fleet;

import dev.meridian.app.ui.hooks.FleetSnapshot;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Turns the window's live rows into plain {@link FleetSnapshot}s for companions such as the tray, which must not hold
 * JavaFX rows. FX thread.
 */
public final class FleetFeed {
    private final ObservableList<ClusterRow> rows;
    private final ObservableStringValue plane;
    private final ReadOnlyObjectWrapper<FleetSnapshot> snapshot = new ReadOnlyObjectWrapper<>(FleetSnapshot.EMPTY);

    /** @param rows the window's rows; they report in-place updates of a row's info and health as list changes */
    public FleetFeed(ObservableList<ClusterRow> rows, ObservableStringValue plane) {
        this.rows = rows;
        this.plane = plane;
        rows.addListener((ListChangeListener<ClusterRow>) change -> publish());
        plane.addListener(o -> publish());
        publish();
    }

    public ReadOnlyObjectProperty<FleetSnapshot> property() {
        return snapshot.getReadOnlyProperty();
    }

    private void publish() {
        List<FleetSnapshot.Cluster> clusters = new ArrayList<>(rows.size());
        for (ClusterRow row : rows) {
            clusters.add(new FleetSnapshot.Cluster(row.info(), row.health()));
        }
        snapshot.set(new FleetSnapshot(plane.get(), clusters));
    }
}
