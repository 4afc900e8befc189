package dev.meridian.app.kubeconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unmodifiable deep copies of plain YAML data, keeping key order. */
final class DeepCopy {
    private DeepCopy() {}

    static Map<String, Object> map(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(String.valueOf(k), value(v)));
        return Collections.unmodifiableMap(copy);
    }

    static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return map(m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(item -> copy.add(value(item)));
            return Collections.unmodifiableList(copy);
        }
        return v;
    }
}
