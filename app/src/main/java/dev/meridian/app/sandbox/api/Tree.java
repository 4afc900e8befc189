package dev.meridian.app.sandbox.api;

import java.util.List;
import java.util.Map;

/** Null-safe reading of JSON trees (maps and lists): a missing part reads as empty. */
final class Tree {
    private Tree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? Map.of() : map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object node = parent == null ? null : parent.get(key);
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /**
     * A list's items as whole objects: the store leaves apiVersion and kind out of list items,
     * but watch events, deletions and saved objects carry them, as the API server's do.
     */
    static List<Map<String, Object>> items(Map<String, Object> list, String groupVersion) {
        return items(
                list,
                groupVersion,
                String.valueOf(map(list).getOrDefault("kind", "")).replaceFirst("List$", ""));
    }

    /** The same, with the items' kind known from the resource type. */
    static List<Map<String, Object>> items(Map<String, Object> list, String groupVersion, String kind) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (Object item : list(list, "items")) {
            Map<String, Object> object = new java.util.LinkedHashMap<>(map(item));
            object.putIfAbsent("apiVersion", groupVersion);
            object.putIfAbsent("kind", kind);
            items.add(object);
        }
        return items;
    }
}
