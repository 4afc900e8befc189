package dev.meridian.app.sandbox.api;

import dev.meridian.app.sandbox.api.PatchMeta.Field;
import dev.meridian.app.sandbox.api.PatchMeta.Ssa;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Server-side apply's view of an object, after structured-merge-diff: which paths it has (its
 * field set), how an applied configuration merges into it, how owned fields are removed, and
 * what changed between two versions. Maps and structs are granular, lists merge by
 * {@link PatchMeta}'s keys or as sets, anything else is atomic.
 */
final class ApplyTree {
    /** Fields the API server never records as owned (its stripmeta list), and status. */
    private static final Set<String> UNOWNED_TOP = Set.of("apiVersion", "kind", "status");

    private static final Set<String> UNOWNED_META = Set.of(
            "name",
            "namespace",
            "creationTimestamp",
            "selfLink",
            "uid",
            "clusterName",
            "generation",
            "managedFields",
            "resourceVersion");

    /** The paths of an object and the value at each leaf path (scalars, atomic values, set items). */
    record Fields(FieldSet set, Map<List<String>, Object> leaves) {}

    /** What an update changed: paths added, removed, and leaf paths whose value changed. */
    record Comparison(FieldSet added, FieldSet removed, FieldSet modified) {}

    private ApplyTree() {}

    /** The object without the fields nobody owns; a copy. */
    static Map<String, Object> ownable(Map<String, Object> object) {
        Map<String, Object> out = Json.copyMap(object);
        UNOWNED_TOP.forEach(out::remove);
        Map<String, Object> metadata = Json.asMap(out.get("metadata"));
        if (metadata != null) {
            UNOWNED_META.forEach(metadata::remove);
            if (metadata.isEmpty()) {
                out.remove("metadata");
            }
        }
        return out;
    }

    static Fields fields(Map<String, Object> object, String type) {
        Fields fields = new Fields(new FieldSet(), new HashMap<>());
        collectMap(ownable(object), type, new ArrayList<>(), fields);
        return fields;
    }

    private static void collectMap(Map<String, Object> map, String type, List<String> prefix, Fields out) {
        map.forEach((name, value) -> {
            prefix.add("f:" + name);
            collectValue(value, PatchMeta.field(type, name), prefix, out);
            prefix.remove(prefix.size() - 1);
        });
    }

    private static void collectValue(Object value, Field rule, List<String> path, Fields out) {
        Ssa ssa = ssaOf(rule, value);
        if (value instanceof Map<?, ?> map && ssa == Ssa.GRANULAR && !map.isEmpty()) {
            collectMap(Json.asMap(value), rule.type(), path, out);
        } else if (value instanceof List<?> list && (ssa == Ssa.MAP || ssa == Ssa.SET)) {
            for (Object item : list) {
                path.add(element(item, rule));
                out.set().add(path);
                if (ssa == Ssa.MAP) {
                    collectMap(Json.asMap(item), rule.type(), path, out);
                } else {
                    out.leaves().put(List.copyOf(path), item);
                }
                path.remove(path.size() - 1);
            }
        } else {
            out.set().add(path);
            out.leaves().put(List.copyOf(path), value);
        }
    }

    /** How apply treats this field: its declared rule, else maps granular and lists atomic. */
    private static Ssa ssaOf(Field rule, Object value) {
        Ssa declared = rule.ssa();
        if (declared == Ssa.MAP
                && !(value instanceof List<?> list && list.stream().allMatch(i -> i instanceof Map<?, ?>))) {
            return Ssa.ATOMIC;
        }
        if (declared != null) {
            return declared;
        }
        return value instanceof Map<?, ?> ? Ssa.GRANULAR : Ssa.ATOMIC;
    }

    /** The path element of a list item: {@code k:{...}} for keyed lists, {@code v:...} for sets. */
    static String element(Object item, Field rule) {
        if (rule.ssa() == Ssa.SET) {
            return "v:" + Json.write(item);
        }
        Map<String, Object> map = Json.asMap(item);
        Map<String, Object> key = new TreeMap<>();
        for (String name : rule.ssaKeys()) {
            Object value = map.containsKey(name) ? map.get(name) : PatchMeta.keyDefault(name);
            if (value == null) {
                throw PatchException.invalid("An item of a list keyed by " + String.join(", ", rule.ssaKeys())
                        + " omits the key field " + name + ".");
            }
            key.put(name, value);
        }
        return "k:" + Json.write(key);
    }

    /** The applied configuration merged into the live object (both unchanged; a new tree). */
    static Map<String, Object> merge(Map<String, Object> live, Map<String, Object> applied, String type) {
        Map<String, Object> out = Json.copyMap(live);
        applied.forEach((name, value) -> {
            Field rule = PatchMeta.field(type, name);
            out.put(name, mergeValue(out.get(name), value, rule));
        });
        return out;
    }

    private static Object mergeValue(Object live, Object applied, Field rule) {
        Ssa ssa = ssaOf(rule, applied);
        if (ssa == Ssa.GRANULAR && live instanceof Map<?, ?> && applied instanceof Map<?, ?>) {
            return merge(Json.asMap(live), Json.asMap(applied), rule.type());
        }
        if ((ssa == Ssa.MAP || ssa == Ssa.SET) && live instanceof List<?> && ssaOf(rule, live) == ssa) {
            return mergeList(Json.asList(live), Json.asList(applied), rule, ssa);
        }
        return Json.copy(applied);
    }

    /**
     * Merges lists item by item: live-only items keep their places, applied items follow the
     * applied order, and an item in both merges the applied fields into the live ones.
     */
    private static List<Object> mergeList(List<Object> live, List<Object> applied, Field rule, Ssa ssa) {
        Map<String, Object> liveByElement = new LinkedHashMap<>();
        live.forEach(item -> liveByElement.putIfAbsent(element(item, rule), item));
        Map<String, Object> appliedByElement = new LinkedHashMap<>();
        applied.forEach(item -> appliedByElement.putIfAbsent(element(item, rule), item));
        List<String> appliedOrder = new ArrayList<>(appliedByElement.keySet());
        List<Object> out = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        int next = 0;
        for (Map.Entry<String, Object> entry : liveByElement.entrySet()) {
            if (!appliedByElement.containsKey(entry.getKey())) {
                out.add(Json.copy(entry.getValue()));
                continue;
            }
            while (!done.contains(entry.getKey()) && next < appliedOrder.size()) {
                String element = appliedOrder.get(next++);
                done.add(element);
                out.add(mergeItem(liveByElement.get(element), appliedByElement.get(element), rule, ssa));
            }
        }
        for (; next < appliedOrder.size(); next++) {
            String element = appliedOrder.get(next);
            out.add(mergeItem(liveByElement.get(element), appliedByElement.get(element), rule, ssa));
        }
        return out;
    }

    private static Object mergeItem(Object live, Object applied, Field rule, Ssa ssa) {
        if (ssa == Ssa.MAP && live != null) {
            return merge(Json.asMap(live), Json.asMap(applied), rule.type());
        }
        return Json.copy(applied);
    }

    /**
     * Removes {@code paths} from {@code object} in place. A map or list item is kept while
     * {@code owned} still holds something below it; a map or list left empty by the removal goes.
     */
    static void remove(Map<String, Object> map, FieldSet paths, FieldSet owned, String type) {
        paths.children().forEach((element, below) -> {
            String name = element.substring(2);
            if (!element.startsWith("f:") || !map.containsKey(name)) {
                return;
            }
            FieldSet ownedBelow = owned == null ? null : owned.children().get(element);
            Field rule = PatchMeta.field(type, name);
            Object value = map.get(name);
            if (below.isMember() && (ownedBelow == null || ownedBelow.isEmpty())) {
                map.remove(name);
            } else if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                remove(Json.asMap(child), below, ownedBelow, rule.type());
                if (child.isEmpty()) {
                    map.remove(name);
                }
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                removeInList(Json.asList(list), below, ownedBelow, rule);
                if (list.isEmpty()) {
                    map.remove(name);
                }
            }
        });
    }

    private static void removeInList(List<Object> list, FieldSet paths, FieldSet owned, Field rule) {
        if (rule.ssa() != Ssa.MAP && rule.ssa() != Ssa.SET) {
            return;
        }
        list.removeIf(item -> {
            String element = element(item, rule);
            FieldSet below = paths.children().get(element);
            FieldSet ownedBelow = owned == null ? null : owned.children().get(element);
            if (below == null) {
                return false;
            }
            if (below.isMember() && (ownedBelow == null || ownedBelow.isEmpty())) {
                return true;
            }
            if (item instanceof Map<?, ?> map) {
                remove(Json.asMap(map), below, ownedBelow, rule.type());
            }
            return false;
        });
    }

    /** What changed from {@code before} to {@code after}, over the fields that can be owned. */
    static Comparison compare(Map<String, Object> before, Map<String, Object> after, String type) {
        Fields old = fields(before, type);
        Fields now = fields(after, type);
        List<List<String>> modified = new ArrayList<>();
        now.leaves().forEach((path, value) -> {
            if (old.leaves().containsKey(path) && !Json.same(old.leaves().get(path), value)) {
                modified.add(path);
            }
        });
        return new Comparison(now.set().minus(old.set()), old.set().minus(now.set()), FieldSet.of(modified));
    }
}
