package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;

/** Binds {@link ClusterRoleManifest}'s role to ServiceAccount {@code loft-agent}. */
public final class ClusterRoleBindingManifest {

    private ClusterRoleBindingManifest() {}

    public static ClusterRoleBinding build(InstallSpec spec) {
        String name = AgentNames.clusterRole(spec.namespace());
        return new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(AgentNames.labels(spec))
                .withAnnotations(AgentNames.annotations(spec))
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(AgentNames.AGENT)
                .withNamespace(spec.namespace())
                .endSubject()
                .build();
    }
}
