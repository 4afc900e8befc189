package dev.meridian.app.sandbox.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of a merged list, as apimachinery's strategicpatch sets it: items named by the
 * patch (or by its {@code $setElementOrder}) in that order, interleaved with the items only the
 * live list has, which keep their live order and stay before a patch item that came after them
 * in the live list.
 */
final class ListOrder {
    private ListOrder() {}

    /**
     * Arranges {@code merged}.
     *
     * @param order the wanted order of the items it names
     * @param live the live list, whose order places the other items
     * @param mergeKey the key identifying object items; null for scalars
     */
    static List<Object> arrange(List<Object> merged, List<Object> order, List<Object> live, String mergeKey) {
        List<Object> named = new ArrayList<>();
        List<Object> liveOnly = new ArrayList<>();
        for (Object item : merged) {
            (indexOf(order, item, mergeKey) >= 0 ? named : liveOnly).add(item);
        }
        named.sort(Comparator.comparingInt(item -> indexOf(order, item, mergeKey)));
        liveOnly.sort(Comparator.comparingInt(item -> rank(live, item, mergeKey)));
        List<Object> out = new ArrayList<>(merged.size());
        int i = 0;
        int j = 0;
        while (i < liveOnly.size() || j < named.size()) {
            if (j == named.size()) {
                out.add(liveOnly.get(i++));
            } else if (i == liveOnly.size()) {
                out.add(named.get(j++));
            } else {
                int left = indexOf(live, liveOnly.get(i), mergeKey);
                int right = indexOf(live, named.get(j), mergeKey);
                out.add(left >= 0 && right >= 0 && left < right ? liveOnly.get(i++) : named.get(j++));
            }
        }
        return out;
    }

    /** Where {@code item} sits in {@code list}, matched by merge key (or value); -1 if absent. */
    static int indexOf(List<Object> list, Object item, String mergeKey) {
        for (int i = 0; i < list.size(); i++) {
            if (sameItem(list.get(i), item, mergeKey)) {
                return i;
            }
        }
        return -1;
    }

    static boolean sameItem(Object a, Object b, String mergeKey) {
        if (mergeKey == null) {
            return Json.same(a, b);
        }
        return a instanceof Map<?, ?> x && b instanceof Map<?, ?> y && Json.same(x.get(mergeKey), y.get(mergeKey));
    }

    private static int rank(List<Object> list, Object item, String mergeKey) {
        int at = indexOf(list, item, mergeKey);
        return at < 0 ? Integer.MAX_VALUE : at;
    }
}
