package dev.meridian.app.fleet;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code Cluster} objects defensively: missing or oddly typed fields never break a listing. */
final class ClusterMapper {
    private final Clock clock;

    ClusterMapper(Clock clock) {
        this.clock = clock;
    }

    ClusterInfo toInfo(GenericKubernetesResource resource) {
        ObjectMeta meta = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        Map<String, Object> spec = section(resource, "spec");
        Map<String, Object> status = section(resource, "status");
        return new ClusterInfo(
                text(meta.getName()),
                text(spec.get("displayName")),
                text(spec.get("description")),
                stringMap(meta.getLabels()),
                text(status.get("phase")),
                text(status.get("reason")),
                text(status.get("message")),
                text(meta.getResourceVersion()),
                EndpointState.fromAnnotations(stringMap(meta.getAnnotations()), clock.instant()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(GenericKubernetesResource resource, String key) {
        Object value = resource.getAdditionalProperties().get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, String> stringMap(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        return copy;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
