package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;

/**
 * What the agent may do cluster-wide: impersonate the reviewed user (so the cluster's RBAC
 * decides every forwarded request) and review tokens. Nothing else: the agent never acts with
 * its own rights on user resources. An agent also asks SubjectAccessReviews, to check what the
 * central gateway may impersonate when it passes its users through; the central gateway instead
 * reads the Cluster objects it routes by.
 */
public final class ClusterRoleManifest {

    /**
     * Impersonation of users, groups, service accounts, UIDs and extras: what the agent and the
     * central gateway's identity in a connected cluster both need, and all the latter gets.
     */
    static List<PolicyRule> impersonation() {
        return List.of(
                ManifestParts.rule("", List.of("users", "groups", "serviceaccounts"), "impersonate"),
                // Impersonate-Uid and Impersonate-Extra-* are authorized against this group
                // (Kubernetes "User impersonation" docs: uids and userextras/<key>).
                ManifestParts.rule("authentication.k8s.io", List.of("uids", "userextras/*"), "impersonate"));
    }

    private ClusterRoleManifest() {}

    public static ClusterRole build(InstallSpec spec) {
        ClusterRole role = new ClusterRoleBuilder()
                .withMetadata(ManifestParts.clusterMetadata(spec, AgentNames.clusterRole(spec.namespace())))
                .withRules(impersonation())
                .addToRules(ManifestParts.rule("authentication.k8s.io", List.of("tokenreviews"), "create"))
                .build();
        if (!spec.isGateway()) {
            role.getRules().add(ManifestParts.rule("authorization.k8s.io", List.of("subjectaccessreviews"), "create"));
        } else {
            role.getRules().add(ManifestParts.rule("management.loft.sh", List.of("clusters"), "get", "list", "watch"));
        }
        return role;
    }
}
