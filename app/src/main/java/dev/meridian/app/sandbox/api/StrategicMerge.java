package dev.meridian.app.sandbox.api;

import dev.meridian.app.sandbox.api.PatchMeta.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}) as the API server
 * applies it, with the directives kubectl sends: null deletes a key; {@code $patch} replace,
 * delete or merge in maps and list items; {@code $retainKeys}; {@code
 * $deleteFromPrimitiveList/<field>}; {@code $setElementOrder/<field>}. Lists whose field merges
 * (see {@link PatchMeta}) are merged by key, or as sets for scalars; other lists are replaced.
 * Ordering follows apimachinery's strategicpatch: {@code $setElementOrder} first, then the
 * patch's own order, then the live order for items only the live object has.
 */
public final class StrategicMerge {
    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";
    private static final String ORDER = "$setElementOrder/";

    /** The 415 text a real API server gives for a strategic merge patch of a custom resource. */
    static final String UNSUPPORTED = "the body of the request was in an unknown format - accepted media types"
            + " include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

    private StrategicMerge() {}

    /**
     * The object after applying a strategic merge patch, for built-in kinds; the inputs are not
     * changed.
     *
     * @param live the stored object; null or empty if there is none
     * @throws PatchException 415 for a kind without patch metadata (custom resources), 400 or 422
     *     for a malformed patch
     */
    public static Map<String, Object> apply(
            Map<String, Object> live, Map<String, Object> patch, String apiVersion, String kind) {
        if (!PatchMeta.hasPatchMeta(apiVersion, kind)) {
            throw PatchException.unsupportedMediaType(UNSUPPORTED);
        }
        if (patch == null) {
            throw PatchException.badRequest("The strategic merge patch is empty; send a JSON object.");
        }
        return mergeMap(Json.copyMap(live), Json.copyMap(patch), PatchMeta.rootType(apiVersion, kind));
    }

    /** Merges {@code patch} into {@code original}; both are private copies and may be changed. */
    private static Map<String, Object> mergeMap(Map<String, Object> original, Map<String, Object> patch, String type) {
        Object directive = patch.remove(PATCH);
        if ("replace".equals(directive)) {
            return mergeMap(new LinkedHashMap<>(), patch, type);
        }
        if ("delete".equals(directive)) {
            return new LinkedHashMap<>();
        }
        if (directive != null && !"merge".equals(directive)) {
            throw PatchException.badRequest("The patch has an unknown $patch directive " + Json.write(directive) + ".");
        }
        retainKeys(original, patch);
        for (String key : new ArrayList<>(patch.keySet())) {
            if (key.startsWith(ORDER)) {
                setElementOrder(original, patch, key, type);
            }
        }
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            mergeField(original, entry.getKey(), entry.getValue(), type);
        }
        return original;
    }

    private static void mergeField(Map<String, Object> original, String key, Object value, String type) {
        if (key.startsWith(DELETE_FROM)) {
            String field = fieldOf(key, DELETE_FROM);
            List<Object> toDelete = Json.asList(value);
            List<Object> current = Json.asList(original.get(field));
            if (toDelete == null) {
                throw PatchException.badRequest("The patch's " + key + " is not a list.");
            }
            if (current != null) {
                List<Object> kept = new ArrayList<>(current);
                kept.removeIf(item -> toDelete.stream().anyMatch(d -> Json.same(d, item)));
                original.put(field, kept);
            }
            return;
        }
        if (key.startsWith("$")) {
            throw PatchException.badRequest("The patch has an unknown directive " + key + ".");
        }
        if (value == null) {
            original.remove(key);
            return;
        }
        Field rule = PatchMeta.field(type, key);
        Object current = original.get(key);
        if (value instanceof Map<?, ?>) {
            Map<String, Object> patchMap = Json.asMap(value);
            if (!(current instanceof Map<?, ?>) && "delete".equals(patchMap.get(PATCH))) {
                original.remove(key);
            } else if (rule.smp().equals("replace") || !(current instanceof Map<?, ?>)) {
                original.put(key, mergeMap(new LinkedHashMap<>(), patchMap, rule.type()));
            } else {
                original.put(key, mergeMap(Json.asMap(current), patchMap, rule.type()));
            }
        } else if (value instanceof List<?>) {
            List<Object> patchList = Json.asList(value);
            if (rule.smpMerges()) {
                List<Object> currentList = current instanceof List<?> ? Json.asList(current) : List.of();
                original.put(key, mergeList(currentList, patchList, rule));
            } else {
                original.put(key, cleaned(patchList, rule.type()));
            }
        } else {
            original.put(key, value);
        }
    }

    /** {@code $retainKeys}: the live map keeps only the listed keys; the patch may set no others. */
    private static void retainKeys(Map<String, Object> original, Map<String, Object> patch) {
        if (!patch.containsKey(RETAIN_KEYS)) {
            return;
        }
        List<Object> retained = Json.asList(patch.remove(RETAIN_KEYS));
        if (retained == null) {
            throw PatchException.badRequest("The patch's $retainKeys is not a list of field names.");
        }
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() != null
                    && !key.startsWith(DELETE_FROM)
                    && !key.startsWith(ORDER)
                    && !retained.contains(key)) {
                throw PatchException.invalid("The patch sets " + key + ", which its $retainKeys list does not name.");
            }
        }
        original.keySet().removeIf(key -> !retained.contains(key));
    }

    /** Merges the list named by a {@code $setElementOrder/<field>} key and orders it as given. */
    private static void setElementOrder(
            Map<String, Object> original, Map<String, Object> patch, String key, String type) {
        String field = fieldOf(key, ORDER);
        List<Object> order = Json.asList(patch.remove(key));
        if (order == null) {
            throw PatchException.badRequest("The patch's " + key + " is not a list.");
        }
        Field rule = PatchMeta.field(type, field);
        List<Object> current = Json.asList(original.get(field));
        if (patch.containsKey(field) && !(patch.get(field) instanceof List<?>)) {
            return;
        }
        List<Object> patchList = Json.asList(patch.remove(field));
        if (current == null && patchList == null) {
            return;
        }
        if (patchList != null) {
            checkOrder(patchList, order, rule.smpKey(), key);
        }
        List<Object> merged;
        if (patchList == null) {
            merged = current;
        } else if (rule.smpMerges()) {
            merged = mergeList(current == null ? List.of() : current, patchList, rule);
        } else {
            merged = cleaned(patchList, rule.type());
        }
        original.put(field, ListOrder.arrange(merged, order, current == null ? List.of() : current, rule.smpKey()));
    }

    /** The patch's own items must appear in {@code $setElementOrder} and in the same order. */
    private static void checkOrder(List<Object> patchList, List<Object> order, String mergeKey, String key) {
        int at = 0;
        for (Object item : patchList) {
            if (item instanceof Map<?, ?> map && map.containsKey(PATCH)) {
                continue;
            }
            while (at < order.size() && !ListOrder.sameItem(item, order.get(at), mergeKey)) {
                at++;
            }
            if (at == order.size()) {
                throw PatchException.invalid("The order of the patch's list doesn't match its " + key + " list.");
            }
            at++;
        }
    }

    /** A list field that merges: by merge key for objects, as a set for scalars. */
    private static List<Object> mergeList(List<Object> current, List<Object> patch, Field rule) {
        if (current.isEmpty() && patch.isEmpty()) {
            return new ArrayList<>();
        }
        boolean maps = elementsAreMaps(current, patch);
        if (!maps) {
            List<Object> merged = new ArrayList<>(current);
            for (Object item : patch) {
                if (merged.stream().noneMatch(m -> Json.same(m, item))) {
                    merged.add(item);
                }
            }
            return ListOrder.arrange(merged, patch, current, null);
        }
        String key = rule.smpKey();
        if (key == null) {
            throw PatchException.invalid("A list of objects cannot be merged without a merge key.");
        }
        List<Object> merged = new ArrayList<>(current);
        List<Object> items = new ArrayList<>();
        for (Object item : patch) {
            Map<String, Object> map = Json.asMap(item);
            Object directive = map.get(PATCH);
            if ("delete".equals(directive)) {
                Object id = keyOf(map, key);
                merged.removeIf(m -> Json.same(Json.asMap(m).get(key), id));
            } else if ("replace".equals(directive)) {
                List<Object> replaced = new ArrayList<>();
                patch.stream().filter(p -> !Json.asMap(p).containsKey(PATCH)).forEach(replaced::add);
                return cleaned(replaced, rule.type());
            } else if (directive == null || "merge".equals(directive)) {
                items.add(item);
            } else {
                throw PatchException.badRequest(
                        "The patch has an unknown $patch directive " + Json.write(directive) + ".");
            }
        }
        for (Object item : items) {
            Map<String, Object> map = Json.asMap(item);
            keyOf(map, key);
            int at = ListOrder.indexOf(merged, item, key);
            if (at >= 0) {
                merged.set(at, mergeMap(Json.asMap(merged.get(at)), map, rule.type()));
            } else {
                merged.add(mergeMap(new LinkedHashMap<>(), map, rule.type()));
            }
        }
        return ListOrder.arrange(merged, items, current, key);
    }

    private static Object keyOf(Map<String, Object> item, String key) {
        if (!item.containsKey(key)) {
            throw PatchException.invalid(
                    "An item of the patch's list does not contain declared merge key: " + key + ".");
        }
        return item.get(key);
    }

    /** A replaced list: items carrying a {@code $patch} are dropped, nested directives applied. */
    private static List<Object> cleaned(List<Object> list, String itemType) {
        List<Object> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                if (!map.containsKey(PATCH)) {
                    out.add(mergeMap(new LinkedHashMap<>(), Json.asMap(item), itemType));
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static boolean elementsAreMaps(List<Object> current, List<Object> patch) {
        Set<Boolean> kinds = new HashSet<>();
        current.forEach(item -> kinds.add(item instanceof Map<?, ?>));
        patch.forEach(item -> kinds.add(item instanceof Map<?, ?>));
        if (kinds.size() > 1) {
            throw PatchException.invalid("A merged list mixes objects with other values.");
        }
        return kinds.contains(true);
    }

    private static String fieldOf(String key, String prefix) {
        String field = key.substring(prefix.length());
        if (field.isEmpty()) {
            throw PatchException.badRequest("The patch's " + key + " names no field.");
        }
        return field;
    }
}
