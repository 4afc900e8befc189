package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;

/**
 * What the agent may do cluster-wide: impersonate the reviewed user (so the cluster's RBAC
 * decides every forwarded request) and review tokens. Nothing else: the agent never acts with
 * its own rights on user resources. An agent also asks SubjectAccessReviews, to check what the
 * central gateway may impersonate when it passes its users through; the central gateway instead
 * reads the Cluster objects it routes by.
 */
public final class ClusterRoleManifest {

    private ClusterRoleManifest() {}

    public static ClusterRole build(InstallSpec spec) {
        ClusterRole role = new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(AgentNames.clusterRole(spec.namespace()))
                .withLabels(AgentNames.labels(spec))
                .withAnnotations(AgentNames.annotations(spec))
                .endMetadata()
                .withRules(
                        new PolicyRuleBuilder()
                                .withApiGroups("")
                                .withResources("users", "groups", "serviceaccounts")
                                .withVerbs("impersonate")
                                .build(),
                        // Impersonate-Uid and Impersonate-Extra-* are authorized against this group
                        // (Kubernetes "User impersonation" docs: uids and userextras/<key>).
                        new PolicyRuleBuilder()
                                .withApiGroups("authentication.k8s.io")
                                .withResources("uids", "userextras/*")
                                .withVerbs("impersonate")
                                .build(),
                        new PolicyRuleBuilder()
                                .withApiGroups("authentication.k8s.io")
                                .withResources("tokenreviews")
                                .withVerbs("create")
                                .build())
                .build();
        if (!spec.isGateway()) {
            role.getRules()
                    .add(new PolicyRuleBuilder()
                            .withApiGroups("authorization.k8s.io")
                            .withResources("subjectaccessreviews")
                            .withVerbs("create")
                            .build());
        } else {
            role.getRules()
                    .add(new PolicyRuleBuilder()
                            .withApiGroups("management.loft.sh")
                            .withResources("clusters")
                            .withVerbs("get", "list", "watch")
                            .build());
        }
        return role;
    }
}
