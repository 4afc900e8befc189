package dev.meridian.app.sandbox.api;

import java.util.Arrays;
import java.util.List;

/**
 * A resource path as the API server reads it: {@code /api/v1/namespaces/ns/configmaps/name/status}
 * is group-version {@code v1}, namespace {@code ns}, resource {@code configmaps}, name and
 * subresource. Discovery, OpenAPI and other non-resource paths do not parse.
 */
record ApiPath(String prefix, String groupVersion, String namespace, String resource, String name, String subresource) {

    /** The parsed path, or null when it names no resource. */
    static ApiPath parse(String path) {
        List<String> parts =
                Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        int start;
        String groupVersion;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            start = 2;
            groupVersion = parts.get(1);
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            start = 3;
            groupVersion = parts.get(1) + "/" + parts.get(2);
        } else {
            return null;
        }
        String prefix = "/" + String.join("/", parts.subList(0, start));
        List<String> rest = parts.subList(start, parts.size());
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() > 3) {
            return null;
        }
        return new ApiPath(
                prefix,
                groupVersion,
                namespace,
                rest.get(0),
                rest.size() > 1 ? rest.get(1) : null,
                rest.size() > 2 ? rest.get(2) : null);
    }

    /** Identifies the resource type across namespaces: events for it go to its watchers. */
    String resourceKey() {
        return groupVersion + "/" + resource;
    }

    boolean isCollection() {
        return name == null;
    }

    /** The path of the named object itself, without a subresource. */
    String objectPath() {
        return collectionPath() + "/" + name;
    }

    /** The path of the collection in the object's namespace (all namespaces when it has none). */
    String collectionPath() {
        return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + resource;
    }

    /** The same resource in another namespace and with another name (for objects a request created). */
    ApiPath forObject(String objectNamespace, String objectName) {
        return new ApiPath(prefix, groupVersion, objectNamespace, resource, objectName, null);
    }
}
