package dev.meridian.app.ui.fleet;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.ui.fleet.ClusterColumns.Column;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One line of the cluster table. Rows are kept and updated in place when their cluster changes, so
 * the selection and scroll position survive a watch event. FX thread only.
 */
public final class ClusterRow {
    private final String name;
    private final ObjectProperty<ClusterInfo> info;
    private final ObjectProperty<HealthSummary> health =
            new SimpleObjectProperty<>(this, "health", HealthSummary.unknown());

    /** One property per text column: cells observe them, and sorting reads them without allocating. */
    private final ReadOnlyStringWrapper[] columns = new ReadOnlyStringWrapper[Column.values().length];

    ClusterRow(ClusterInfo info) {
        this.name = info.name();
        this.info = new SimpleObjectProperty<>(this, "info", info);
        for (Column column : Column.values()) {
            columns[column.ordinal()] = new ReadOnlyStringWrapper(this, column.name(), column.read(info));
        }
    }

    ReadOnlyStringProperty text(Column column) {
        return columns[column.ordinal()].getReadOnlyProperty();
    }

    public String name() {
        return name;
    }

    public ClusterInfo info() {
        return info.get();
    }

    public ReadOnlyObjectProperty<ClusterInfo> infoProperty() {
        return info;
    }

    void update(ClusterInfo value) {
        for (Column column : Column.values()) {
            columns[column.ordinal()].set(column.read(value));
        }
        info.set(value);
    }

    public HealthSummary health() {
        return health.get();
    }

    public ReadOnlyObjectProperty<HealthSummary> healthProperty() {
        return health;
    }

    void setHealth(HealthSummary value) {
        health.set(value);
    }

    /** Unhealthy by the management plane's status or by the last probe. */
    public boolean isUnhealthy() {
        return !info().isHealthy() || health().isUnhealthy();
    }
}
