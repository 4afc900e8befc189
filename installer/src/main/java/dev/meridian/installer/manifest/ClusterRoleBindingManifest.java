package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;

/** Binds {@link ClusterRoleManifest}'s role to ServiceAccount {@code loft-agent}. */
public final class ClusterRoleBindingManifest {

    private ClusterRoleBindingManifest() {}

    public static ClusterRoleBinding build(InstallSpec spec) {
        String name = AgentNames.clusterRole(spec.namespace());
        return ManifestParts.clusterRoleBinding(
                ManifestParts.clusterMetadata(spec, name),
                name,
                ManifestParts.serviceAccount(AgentNames.AGENT, spec.namespace()));
    }
}
