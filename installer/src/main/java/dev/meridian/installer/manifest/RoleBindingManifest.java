package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/** Binds {@link RoleManifest}'s role to ServiceAccount {@code loft-agent}. */
public final class RoleBindingManifest {

    private RoleBindingManifest() {}

    public static RoleBinding build(InstallSpec spec) {
        return ManifestParts.roleBinding(
                ManifestParts.metadata(spec, AgentNames.CA_ROLE),
                AgentNames.CA_ROLE,
                ManifestParts.serviceAccount(AgentNames.AGENT, spec.namespace()));
    }
}
