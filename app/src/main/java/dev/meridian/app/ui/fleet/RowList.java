package dev.meridian.app.ui.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.ModifiableObservableListBase;

/**
 * The rows behind the table. Rows change in place; {@link #fireUpdated} then reports all of a
 * batch's changed rows as one list change, so filtering, sorting and the table react once per
 * batch instead of once per row (2,000 single updates cost seconds; one batched update, milliseconds).
 */
final class RowList extends ModifiableObservableListBase<ClusterRow> {
    private final List<ClusterRow> items = new ArrayList<>();

    @Override
    public ClusterRow get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, ClusterRow element) {
        items.add(index, element);
    }

    @Override
    protected ClusterRow doSet(int index, ClusterRow element) {
        return items.set(index, element);
    }

    @Override
    protected ClusterRow doRemove(int index) {
        return items.remove(index);
    }

    /** Reports that {@code changed} rows (compared by identity) were updated in place. */
    void fireUpdated(Set<ClusterRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        beginChange();
        for (int i = 0; i < items.size(); i++) {
            if (changed.contains(items.get(i))) {
                nextUpdate(i);
            }
        }
        endChange();
    }
}
