package dev.meridian.app.sandbox;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents kubectl reads before any request: the core group and
 * {@code management.loft.sh}, with the resources the simulated API servers hold.
 */
final class Discovery {
    private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private Discovery() {}

    /** The JSON body for a discovery path, or null when the path is not a discovery path. */
    static String document(String path) {
        return switch (path) {
            case "/api" ->
                Serialization.asJson(Map.of(
                        "kind",
                        "APIVersions",
                        "versions",
                        List.of("v1"),
                        "serverAddressByClientCIDRs",
                        List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1"))));
            case "/apis" ->
                Serialization.asJson(Map.of(
                        "kind", "APIGroupList", "apiVersion", "v1", "groups", List.of(group("management.loft.sh"))));
            case "/api/v1" ->
                resourceList(
                        "v1",
                        List.of(
                                resource("namespaces", "Namespace", false, "ns"),
                                resource("configmaps", "ConfigMap", true, "cm"),
                                resource("secrets", "Secret", true, null),
                                resource("serviceaccounts", "ServiceAccount", true, "sa"),
                                resource("services", "Service", true, "svc"),
                                resource("pods", "Pod", true, "po"),
                                resource("events", "Event", true, "ev")));
            case "/apis/management.loft.sh/v1" ->
                resourceList("management.loft.sh/v1", List.of(resource("clusters", "Cluster", false, null)));
            default -> null;
        };
    }

    private static Map<String, Object> group(String name) {
        Map<String, Object> version = Map.of("groupVersion", name + "/v1", "version", "v1");
        return Map.of("name", name, "versions", List.of(version), "preferredVersion", version);
    }

    private static String resourceList(String groupVersion, List<Map<String, Object>> resources) {
        return Serialization.asJson(Map.of(
                "kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources));
    }

    private static Map<String, Object> resource(String plural, String kind, boolean namespaced, String shortName) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", plural);
        resource.put("singularName", kind.toLowerCase(java.util.Locale.ROOT));
        resource.put("namespaced", namespaced);
        resource.put("kind", kind);
        resource.put("verbs", VERBS);
        if (shortName != null) {
            resource.put("shortNames", List.of(shortName));
        }
        return resource;
    }
}
