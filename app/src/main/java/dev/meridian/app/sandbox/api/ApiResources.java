package dev.meridian.app.sandbox.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resource types the simulated API servers hold, one catalogue for discovery, OpenAPI and
 * watches: the kinds kubectl's first commands touch and the ones Meridian installs.
 */
final class ApiResources {
    /** One resource type as discovery lists it. */
    record Type(String groupVersion, String plural, String kind, boolean namespaced, List<String> shortNames) {
        String group() {
            int slash = groupVersion.indexOf('/');
            return slash < 0 ? "" : groupVersion.substring(0, slash);
        }

        String version() {
            return groupVersion.substring(groupVersion.indexOf('/') + 1);
        }

        String prefix() {
            return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
        }
    }

    static final List<Type> ALL = List.of(
            ns("v1", "configmaps", "ConfigMap", "cm"),
            ns("v1", "endpoints", "Endpoints", "ep"),
            ns("v1", "events", "Event", "ev"),
            cluster("v1", "namespaces", "Namespace", "ns"),
            cluster("v1", "nodes", "Node", "no"),
            ns("v1", "persistentvolumeclaims", "PersistentVolumeClaim", "pvc"),
            ns("v1", "pods", "Pod", "po"),
            ns("v1", "secrets", "Secret"),
            ns("v1", "serviceaccounts", "ServiceAccount", "sa"),
            ns("v1", "services", "Service", "svc"),
            ns("apps/v1", "daemonsets", "DaemonSet", "ds"),
            ns("apps/v1", "deployments", "Deployment", "deploy"),
            ns("apps/v1", "replicasets", "ReplicaSet", "rs"),
            ns("apps/v1", "statefulsets", "StatefulSet", "sts"),
            ns("batch/v1", "cronjobs", "CronJob", "cj"),
            ns("batch/v1", "jobs", "Job"),
            ns("networking.k8s.io/v1", "ingresses", "Ingress", "ing"),
            cluster("networking.k8s.io/v1", "ingressclasses", "IngressClass"),
            ns("networking.k8s.io/v1", "networkpolicies", "NetworkPolicy", "netpol"),
            ns("policy/v1", "poddisruptionbudgets", "PodDisruptionBudget", "pdb"),
            cluster("rbac.authorization.k8s.io/v1", "clusterrolebindings", "ClusterRoleBinding"),
            cluster("rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole"),
            ns("rbac.authorization.k8s.io/v1", "rolebindings", "RoleBinding"),
            ns("rbac.authorization.k8s.io/v1", "roles", "Role"),
            cluster("apiextensions.k8s.io/v1", "customresourcedefinitions", "CustomResourceDefinition", "crd"),
            cluster("management.loft.sh/v1", "clusters", "Cluster"));

    private ApiResources() {}

    /** Group versions in the order discovery lists them, with their types. */
    static Map<String, List<Type>> byGroupVersion(List<Type> types) {
        return types.stream()
                .collect(Collectors.groupingBy(Type::groupVersion, LinkedHashMap::new, Collectors.toList()));
    }

    /** The built-in types and those the stored CustomResourceDefinitions add (served versions only). */
    static List<Type> withDefinitions(Map<String, Object> definitionList) {
        List<Type> types = new java.util.ArrayList<>(ALL);
        for (Object item : Tree.list(definitionList, "items")) {
            Map<String, Object> spec = Tree.map(Tree.map(item), "spec");
            Map<String, Object> names = Tree.map(spec, "names");
            Object group = spec.get("group");
            if (group == null || names.get("plural") == null || names.get("kind") == null) {
                continue;
            }
            boolean namespaced = !"Cluster".equals(spec.get("scope"));
            List<String> shortNames =
                    Tree.list(names, "shortNames").stream().map(String::valueOf).toList();
            for (Object version : Tree.list(spec, "versions")) {
                Map<String, Object> v = Tree.map(version);
                String groupVersion = group + "/" + v.get("name");
                boolean known = types.stream()
                        .anyMatch(t -> t.groupVersion().equals(groupVersion)
                                && t.plural().equals(names.get("plural")));
                if (!Boolean.FALSE.equals(v.get("served")) && !known) {
                    types.add(new Type(
                            groupVersion,
                            (String) names.get("plural"),
                            (String) names.get("kind"),
                            namespaced,
                            shortNames));
                }
            }
        }
        return types;
    }

    static Optional<Type> find(String groupVersion, String plural) {
        return ALL.stream()
                .filter(t -> t.groupVersion().equals(groupVersion) && t.plural().equals(plural))
                .findFirst();
    }

    private static Type ns(String groupVersion, String plural, String kind, String... shortNames) {
        return new Type(groupVersion, plural, kind, true, List.of(shortNames));
    }

    private static Type cluster(String groupVersion, String plural, String kind, String... shortNames) {
        return new Type(groupVersion, plural, kind, false, List.of(shortNames));
    }
}
