package dev.meridian.agent.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Kubernetes verb and object of a request, read from its method and API path the way the
 * API server's request-info resolver does, for audit events.
 */
public record RequestInfo(String verb, String apiGroup, String apiVersion, String namespace, String resource,
                          String name, String subresource, boolean isResourceRequest) {

    public static RequestInfo of(String method, String apiPath, String query) {
        String m = method.toLowerCase(Locale.ROOT);
        List<String> parts = segments(apiPath);
        int start;
        String group = "";
        String version;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            version = parts.get(1);
            start = 2;
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            start = 3;
        } else {
            return new RequestInfo(m, null, null, null, null, null, null, false);
        }
        List<String> rest = parts.subList(start, parts.size());
        String namespace = null;
        if (rest.size() >= 2 && rest.get(0).equals("namespaces") && rest.size() > 2) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        } else if (rest.size() == 2 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
        }
        String resource = rest.isEmpty() ? null : rest.get(0);
        String name = rest.size() >= 2 ? rest.get(1) : null;
        if (rest.size() == 2 && "namespaces".equals(resource)) {
            namespace = name;
        }
        String sub = rest.size() >= 3 ? rest.get(2) : null;
        return new RequestInfo(verb(m, name != null, query), group, version, namespace, resource, name, sub, resource != null);
    }

    /** The non-empty segments of {@code path}. */
    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    parts.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    private static String verb(String method, boolean hasName, String query) {
        boolean watch = query != null && (query.contains("watch=true") || query.contains("watch=1"));
        return switch (method) {
            case "get", "head" -> watch ? "watch" : hasName ? "get" : "list";
            case "post" -> "create";
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> hasName ? "delete" : "deletecollection";
            default -> method;
        };
    }
}
