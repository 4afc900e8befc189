package dev.meridian.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Identifies one object: its kind, namespace (null when cluster-scoped) and name. */
public record ObjectRef(String kind, String namespace, String name) {

    public static ObjectRef of(HasMetadata object) {
        return new ObjectRef(
                object.getKind(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName());
    }

    public boolean isClusterScoped() {
        return namespace == null;
    }

    /** {@code Deployment vcluster-pro/loft-agent}, {@code ClusterRole meridian-loft-agent-x}. */
    @Override
    public String toString() {
        return kind + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
