package dev.meridian.agent.audit;

import java.util.Locale;

/**
 * The Kubernetes verb and object of a request, read from its method and API path the way the
 * API server's request-info resolver does, for audit events.
 */
public record RequestInfo(
        String verb,
        String apiGroup,
        String apiVersion,
        String namespace,
        String resource,
        String name,
        String subresource,
        boolean isResourceRequest) {

    public static RequestInfo of(String method, String apiPath, String query) {
        String m = lowerCase(method);
        // Indices into the path rather than a list of its segments: this runs for every request.
        String[] parts = new String[MAX_SEGMENTS];
        int n = segments(apiPath, parts);
        int start;
        String group = "";
        String version;
        if (n >= 2 && parts[0].equals("api")) {
            version = parts[1];
            start = 2;
        } else if (n >= 3 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            start = 3;
        } else {
            return new RequestInfo(m, null, null, null, null, null, null, false);
        }
        int rest = n - start;
        String namespace = null;
        if (rest >= 2 && parts[start].equals("namespaces") && rest > 2) {
            namespace = parts[start + 1];
            start += 2;
            rest -= 2;
        } else if (rest == 2 && parts[start].equals("namespaces")) {
            namespace = parts[start + 1];
        }
        String resource = rest == 0 ? null : parts[start];
        String name = rest >= 2 ? parts[start + 1] : null;
        if (rest == 2 && "namespaces".equals(resource)) {
            namespace = name;
        }
        String sub = rest >= 3 ? parts[start + 2] : null;
        return new RequestInfo(
                verb(m, name != null, query), group, version, namespace, resource, name, sub, resource != null);
    }

    /**
     * Segments looked at: {@code apis}, group, version, {@code namespaces}, namespace, resource,
     * name, subresource. The rest of a longer path (a proxy subresource's own path) is not read.
     */
    private static final int MAX_SEGMENTS = 8;

    /** The first non-empty segments of {@code path} (up to {@code parts.length}) into {@code parts}; returns how many. */
    private static int segments(String path, String[] parts) {
        int n = 0;
        int start = 0;
        for (int i = 0; i <= path.length() && n < parts.length; i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    parts[n++] = path.substring(start, i);
                }
                start = i + 1;
            }
        }
        return n;
    }

    /** The method in lower case, without a new String for the usual ones. */
    private static String lowerCase(String method) {
        return switch (method) {
            case "GET" -> "get";
            case "HEAD" -> "head";
            case "POST" -> "post";
            case "PUT" -> "put";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            case "OPTIONS" -> "options";
            default -> method.toLowerCase(Locale.ROOT);
        };
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
