package dev.meridian.app.fleet;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Clock;

/** fabric8's {@code Cluster} resources as {@link ClusterInfo}, read as {@link ClusterObjects} reads any Cluster. */
final class ClusterMapper {
    private final Clock clock;

    ClusterMapper(Clock clock) {
        this.clock = clock;
    }

    ClusterInfo toInfo(GenericKubernetesResource resource) {
        ObjectMeta meta = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        return ClusterObjects.info(
                meta.getName(),
                ClusterObjects.stringMap(meta.getLabels()),
                ClusterObjects.stringMap(meta.getAnnotations()),
                meta.getResourceVersion(),
                ClusterObjects.section(resource.getAdditionalProperties(), "spec"),
                ClusterObjects.section(resource.getAdditionalProperties(), "status"),
                clock.instant());
    }
}
