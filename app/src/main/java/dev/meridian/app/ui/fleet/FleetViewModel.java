package dev.meridian.app.ui.fleet;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.health.HealthSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The clusters of the connected management plane, as the table shows them. Watch events arrive on
 * any thread through {@link #offer}; they are queued and applied together in one FX pulse, so a
 * burst of 2,000 events costs one table update, not 2,000.
 */
public final class FleetViewModel {
    private final RowList rows = new RowList();
    private final ObservableList<ClusterRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<String, ClusterRow> byName = new HashMap<>();
    private final FilteredList<ClusterRow> filtered = new FilteredList<>(rows);
    private final SortedList<ClusterRow> sorted = new SortedList<>(filtered);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty currentCluster = new SimpleStringProperty(this, "currentCluster", "");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper direct = new ReadOnlyIntegerWrapper(this, "direct");
    private final ReadOnlyIntegerWrapper unhealthy = new ReadOnlyIntegerWrapper(this, "unhealthy");
    private final ConcurrentLinkedQueue<FleetEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Consumer<String> onWatchFailure;

    /** @param onWatchFailure told, on the FX thread, when the watch stops for good */
    public FleetViewModel(Consumer<String> onWatchFailure) {
        this.onWatchFailure = onWatchFailure;
        filterText.addListener((obs, old, text) -> filtered.setPredicate(ClusterFilter.of(text)));
    }

    /** Thread-safe: queues a watch event and schedules one FX-thread update for everything queued. */
    public void offer(FleetEvent event) {
        pending.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<FleetEvent> batch = new ArrayList<>();
        for (FleetEvent e = pending.poll(); e != null; e = pending.poll()) {
            batch.add(e);
        }
        apply(batch);
    }

    /** Applies events on the FX thread; only the last state of each cluster in the batch counts. */
    void apply(List<FleetEvent> batch) {
        Map<String, ClusterInfo> latest = new LinkedHashMap<>();
        for (FleetEvent event : batch) {
            if (event instanceof FleetEvent.Added added) {
                latest.put(added.cluster().name(), added.cluster());
            } else if (event instanceof FleetEvent.Modified modified) {
                latest.put(modified.cluster().name(), modified.cluster());
            } else if (event instanceof FleetEvent.Removed removed) {
                latest.put(removed.name(), null);
            } else if (event instanceof FleetEvent.Failed failed) {
                onWatchFailure.accept(failed.message());
            }
        }
        Set<ClusterRow> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<ClusterRow> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ClusterRow> added = new ArrayList<>();
        latest.forEach((name, info) -> {
            ClusterRow row = byName.get(name);
            if (info == null) {
                if (row != null) {
                    gone.add(byName.remove(name));
                }
            } else if (row == null) {
                ClusterRow fresh = new ClusterRow(info);
                byName.put(name, fresh);
                added.add(fresh);
            } else {
                row.update(info);
                changed.add(row);
            }
        });
        if (!gone.isEmpty()) {
            rows.removeAll(gone);
        }
        rows.fireUpdated(changed);
        rows.addAll(added);
        recount();
    }

    /** Forgets every cluster, e.g. when switching to another management plane. */
    public void clear() {
        pending.clear();
        byName.clear();
        rows.clear();
        recount();
    }

    /** Records a probe result; ignored when the cluster is gone. FX thread. */
    public void setHealth(String clusterName, HealthSummary health) {
        ClusterRow row = byName.get(clusterName);
        if (row != null) {
            row.setHealth(health);
            rows.fireUpdated(Set.of(row));
            recount();
        }
    }

    public ClusterRow row(String name) {
        return byName.get(name);
    }

    private void recount() {
        int d = 0;
        int u = 0;
        for (ClusterRow row : rows) {
            d += row.info().isDirect() ? 1 : 0;
            u += row.isUnhealthy() ? 1 : 0;
        }
        total.set(rows.size());
        direct.set(d);
        unhealthy.set(u);
    }

    /** All clusters, unfiltered and unsorted; read-only. */
    public ObservableList<ClusterRow> rows() {
        return readOnlyRows;
    }

    /** The rows the table shows: filtered by {@link #filterTextProperty()}; bind its comparator to the table's. */
    public SortedList<ClusterRow> visibleRows() {
        return sorted;
    }

    /**
     * The cluster the current kube context points at (one of Meridian's contexts for it or a space in
     * it); empty when the current context is not one of Meridian's.
     */
    public StringProperty currentClusterProperty() {
        return currentCluster;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty directProperty() {
        return direct.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unhealthyProperty() {
        return unhealthy.getReadOnlyProperty();
    }
}
