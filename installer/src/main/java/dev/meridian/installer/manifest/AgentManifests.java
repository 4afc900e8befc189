package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Every object of an agent installation, in the order they must be applied. */
public final class AgentManifests {

    private AgentManifests() {}

    /**
     * Namespace first (everything else lives in it), then identity and RBAC (so the pods can
     * authenticate from their first start), configuration, the workload and what exposes it.
     */
    public static List<HasMetadata> build(InstallSpec spec) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(NamespaceManifest.build(spec));
        objects.add(ServiceAccountManifest.build(spec));
        objects.add(ClusterRoleManifest.build(spec));
        objects.add(ClusterRoleBindingManifest.build(spec));
        objects.add(RoleManifest.build(spec));
        objects.add(RoleBindingManifest.build(spec));
        AuthoritySecretManifest.build(spec).ifPresent(objects::add);
        objects.add(DeploymentManifest.build(spec));
        objects.add(ServiceManifest.build(spec));
        ServiceManifest.buildExternal(spec).ifPresent(objects::add);
        objects.add(PodDisruptionBudgetManifest.build(spec));
        IngressManifest.build(spec).ifPresent(objects::add);
        return List.copyOf(objects);
    }
}
