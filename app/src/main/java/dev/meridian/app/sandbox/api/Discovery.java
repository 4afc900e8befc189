package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents kubectl reads before any request ({@code /api}, {@code /apis} and one
 * list per group version), built from {@link ApiResources}. Legacy discovery only: kubectl
 * falls back to it when the aggregated form is not offered.
 */
final class Discovery {
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private static final java.util.Set<String> WITH_STATUS = java.util.Set.of(
            "namespaces",
            "nodes",
            "pods",
            "services",
            "persistentvolumeclaims",
            "daemonsets",
            "deployments",
            "replicasets",
            "statefulsets",
            "cronjobs",
            "jobs",
            "ingresses",
            "poddisruptionbudgets",
            "customresourcedefinitions",
            "clusters");

    private Discovery() {}

    /** The JSON body for a discovery path, or null when the path is not a discovery path. */
    static String document(String path, List<ApiResources.Type> types) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/api")) {
            return Serialization.asJson(Map.of(
                    "kind",
                    "APIVersions",
                    "versions",
                    List.of("v1"),
                    "serverAddressByClientCIDRs",
                    List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1"))));
        }
        if (trimmed.equals("/apis")) {
            List<Object> groups = new ArrayList<>();
            ApiResources.byGroupVersion(types).keySet().stream()
                    .filter(gv -> gv.contains("/"))
                    .forEach(gv -> groups.add(group(gv)));
            return Serialization.asJson(Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups));
        }
        for (Map.Entry<String, List<ApiResources.Type>> entry :
                ApiResources.byGroupVersion(types).entrySet()) {
            if (trimmed.equals(entry.getValue().get(0).prefix())) {
                return resourceList(entry.getKey(), entry.getValue());
            }
        }
        return null;
    }

    private static Map<String, Object> group(String groupVersion) {
        String name = groupVersion.substring(0, groupVersion.indexOf('/'));
        Map<String, Object> version =
                Map.of("groupVersion", groupVersion, "version", groupVersion.substring(name.length() + 1));
        return Map.of("name", name, "versions", List.of(version), "preferredVersion", version);
    }

    private static String resourceList(String groupVersion, List<ApiResources.Type> types) {
        List<Object> resources = new ArrayList<>();
        for (ApiResources.Type type : types) {
            resources.add(resource(type));
            if (WITH_STATUS.contains(type.plural())) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("name", type.plural() + "/status");
                status.put("singularName", "");
                status.put("namespaced", type.namespaced());
                status.put("kind", type.kind());
                status.put("verbs", List.of("get", "patch", "update"));
                resources.add(status);
            }
        }
        return Serialization.asJson(Map.of(
                "kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources));
    }

    private static Map<String, Object> resource(ApiResources.Type type) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", type.plural());
        resource.put("singularName", type.kind().toLowerCase(java.util.Locale.ROOT));
        resource.put("namespaced", type.namespaced());
        resource.put("kind", type.kind());
        resource.put("verbs", VERBS);
        if (!type.shortNames().isEmpty()) {
            resource.put("shortNames", type.shortNames());
        }
        if (List.of("pods", "deployments", "services", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs")
                .contains(type.plural())) {
            resource.put("categories", List.of("all"));
        }
        return resource;
    }
}
