package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * The pieces every manifest here builds alike: metadata carrying Meridian's labels, RBAC rules,
 * and bindings of a role to one subject. One place, so an installation's objects, the plane's
 * and a connected cluster's cannot drift apart in how they are labelled or bound.
 */
final class ManifestParts {
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private ManifestParts() {}

    /** Metadata of an installation's object in its namespace: the spec's labels and annotations. */
    static ObjectMeta metadata(InstallSpec spec, String name) {
        return metadata(name, spec.namespace(), AgentNames.labels(spec), AgentNames.annotations(spec));
    }

    /** Metadata of an installation's cluster-scoped object. */
    static ObjectMeta clusterMetadata(InstallSpec spec, String name) {
        return metadata(name, null, AgentNames.labels(spec), AgentNames.annotations(spec));
    }

    /**
     * Metadata of a plane or connect object: Meridian's labels and, when not null, annotations;
     * {@code namespace} is null for a cluster-scoped object.
     */
    static ObjectMeta metadata(String name, String namespace, Map<String, String> annotations) {
        return metadata(name, namespace, AgentNames.labels(), annotations);
    }

    private static ObjectMeta metadata(
            String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
        ObjectMetaBuilder metadata =
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels);
        if (annotations != null) {
            metadata.withAnnotations(annotations);
        }
        return metadata.build();
    }

    /** Allows {@code verbs} on {@code resources} of {@code apiGroup} ("" for the core group). */
    static PolicyRule rule(String apiGroup, List<String> resources, String... verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resources)
                .withVerbs(verbs)
                .build();
    }

    /** Allows {@code verbs} on the one object {@code resourceName} of {@code resource}. */
    static PolicyRule namedRule(String apiGroup, String resource, String resourceName, String... verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resource)
                .withResourceNames(resourceName)
                .withVerbs(verbs)
                .build();
    }

    static Subject serviceAccount(String name, String namespace) {
        return new SubjectBuilder()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace(namespace)
                .build();
    }

    static ClusterRoleBinding clusterRoleBinding(ObjectMeta metadata, String clusterRole, Subject subject) {
        return new ClusterRoleBindingBuilder()
                .withMetadata(metadata)
                .withNewRoleRef(RBAC_GROUP, "ClusterRole", clusterRole)
                .withSubjects(subject)
                .build();
    }

    static RoleBinding roleBinding(ObjectMeta metadata, String role, Subject subject) {
        return new RoleBindingBuilder()
                .withMetadata(metadata)
                .withNewRoleRef(RBAC_GROUP, "Role", role)
                .withSubjects(subject)
                .build();
    }
}
