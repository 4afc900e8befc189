package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/**
 * One change to one object, as the API server streams it to watchers: {@code ADDED},
 * {@code MODIFIED} or {@code DELETED} with the object after the change (before it, for a delete).
 */
record WatchEvent(
        String type,
        String resourceKey,
        String namespace,
        String name,
        Map<String, Object> object,
        long resourceVersion) {

    @SuppressWarnings("unchecked")
    static WatchEvent of(String type, ApiPath path, Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return new WatchEvent(
                type,
                path.resourceKey(),
                (String) metadata.get("namespace"),
                (String) metadata.get("name"),
                object,
                parseVersion(metadata.get("resourceVersion")));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> labels() {
        Map<String, Object> metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        Object labels = metadata.get("labels");
        return labels instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    /** The event's line on a watch stream. */
    String json() {
        return Serialization.asJson(Map.of("type", type, "object", object));
    }

    static long parseVersion(Object value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
