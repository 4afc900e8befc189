package dev.meridian.app.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code Cluster} objects defensively into {@link ClusterInfo}: missing or oddly typed fields
 * never break a listing. One reading for both ways a Cluster arrives: fabric8's resources
 * ({@link ClusterMapper}) and plain JSON objects (the light client of one-shot commands).
 */
public final class ClusterObjects {
    private ClusterObjects() {}

    /** A Cluster object as plain JSON data ({@code metadata}, {@code spec}, {@code status}). */
    public static ClusterInfo fromJson(Map<String, Object> object, Instant now) {
        Map<String, Object> meta = section(object, "metadata");
        return info(
                meta.get("name"),
                stringMap(meta.get("labels")),
                stringMap(meta.get("annotations")),
                meta.get("resourceVersion"),
                section(object, "spec"),
                section(object, "status"),
                now);
    }

    static ClusterInfo info(
            Object name,
            Map<String, String> labels,
            Map<String, String> annotations,
            Object resourceVersion,
            Map<String, Object> spec,
            Map<String, Object> status,
            Instant now) {
        return new ClusterInfo(
                text(name),
                text(spec.get("displayName")),
                text(spec.get("description")),
                labels,
                text(status.get("phase")),
                text(status.get("reason")),
                text(status.get("message")),
                text(resourceVersion),
                EndpointState.fromAnnotations(annotations, now));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The string entries of a map; anything else (a missing map, a number value) is left out. */
    public static Map<String, String> stringMap(Object value) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k instanceof String key && v instanceof String text) {
                    copy.put(key, text);
                }
            });
        }
        return copy;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
