package dev.meridian.app.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON patch operations that set or remove annotations, guarded by a resourceVersion test. */
final class AnnotationPatch {
    private AnnotationPatch() {}

    /**
     * @param existing the annotations the object had when read (null when it had none)
     * @param changes key to new value; a null value removes the key
     */
    static List<Map<String, Object>> operations(
            String resourceVersion, Map<String, String> existing, Map<String, String> changes) {
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(op("test", "/metadata/resourceVersion", resourceVersion));
        if (existing == null) {
            ops.add(op("add", "/metadata/annotations", new LinkedHashMap<>()));
        }
        Map<String, String> before = existing == null ? Map.of() : existing;
        changes.forEach((key, value) -> {
            String path = "/metadata/annotations/" + escape(key);
            if (value != null) {
                ops.add(op("add", path, value));
            } else if (before.containsKey(key)) {
                ops.add(op("remove", path, null));
            }
        });
        return ops;
    }

    /** RFC 6901: '~' becomes '~0' and '/' becomes '~1' in a JSON pointer segment. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, Object> op(String name, String path, Object value) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", name);
        op.put("path", path);
        if (value != null) {
            op.put("value", value);
        }
        return op;
    }
}
