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
}
