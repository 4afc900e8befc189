package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI v3 documents kubectl consults before it writes: only the operations and their
 * query parameters, no schemas. They tell kubectl that the server validates fields itself
 * ({@code fieldValidation}), so it sends {@code create}/{@code apply} without client-side
 * validation, and that no strategic merge patch metadata is published, so a client-side apply
 * computes its patch from the types kubectl was built with, as it does for any server whose
 * OpenAPI lacks schemas.
 */
final class OpenApiDocs {
    private static final String ROOT = "/openapi/v3";
    private static final List<Map<String, Object>> WRITE_PARAMETERS =
            List.of(query("fieldValidation"), query("fieldManager"), query("dryRun"), query("force"));

    private OpenApiDocs() {}

    /** The JSON body for an OpenAPI v3 path, or null when the path is not one. */
    static String document(String path, List<ApiResources.Type> types) {
        if (path.equals(ROOT) || path.equals(ROOT + "/")) {
            Map<String, Object> paths = new LinkedHashMap<>();
            for (String groupVersion : ApiResources.byGroupVersion(types).keySet()) {
                String key = relative(groupVersion);
                paths.put(key, Map.of("serverRelativeURL", ROOT + "/" + key + "?hash=sandbox"));
            }
            return Serialization.asJson(Map.of("paths", paths));
        }
        if (!path.startsWith(ROOT + "/")) {
            return null;
        }
        String key = path.substring(ROOT.length() + 1);
        for (Map.Entry<String, List<ApiResources.Type>> entry :
                ApiResources.byGroupVersion(types).entrySet()) {
            if (relative(entry.getKey()).equals(key)) {
                return groupVersionDocument(entry.getValue());
            }
        }
        return null;
    }

    private static String relative(String groupVersion) {
        return groupVersion.contains("/") ? "apis/" + groupVersion : "api/" + groupVersion;
    }

    private static String groupVersionDocument(List<ApiResources.Type> types) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ApiResources.Type type : types) {
            String collection = type.prefix() + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
            Map<String, Object> gvk = Map.of("group", type.group(), "version", type.version(), "kind", type.kind());
            paths.put(collection, Map.of("post", operation("create" + type.kind(), gvk)));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("put", operation("replace" + type.kind(), gvk));
            item.put("patch", operation("patch" + type.kind(), gvk));
            paths.put(collection + "/{name}", item);
        }
        return Serialization.asJson(Map.of(
                "openapi",
                "3.0.0",
                "info",
                Map.of("title", "Meridian sandbox", "version", "v1.32.0"),
                "paths",
                paths,
                "components",
                Map.of("schemas", Map.of())));
    }

    private static Map<String, Object> operation(String id, Map<String, Object> gvk) {
        return Map.of("operationId", id, "parameters", WRITE_PARAMETERS, "x-kubernetes-group-version-kind", gvk);
    }

    private static Map<String, Object> query(String name) {
        return Map.of("name", name, "in", "query", "schema", Map.of("type", "string", "uniqueItems", true));
    }
}
