package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/** Binds {@link RoleManifest}'s role to ServiceAccount {@code loft-agent}. */
public final class RoleBindingManifest {

    private RoleBindingManifest() {}

    public static RoleBinding build(InstallSpec spec) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                .withName(AgentNames.CA_ROLE)
                .withNamespace(spec.namespace())
                .withLabels(AgentNames.labels(spec))
                .withAnnotations(AgentNames.annotations(spec))
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", AgentNames.CA_ROLE)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(AgentNames.AGENT)
                .withNamespace(spec.namespace())
                .endSubject()
                .build();
    }
}
