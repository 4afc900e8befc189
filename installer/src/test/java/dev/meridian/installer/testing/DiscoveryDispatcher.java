package dev.meridian.installer.testing;

import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Serves the discovery documents kubectl needs (the CRUD mock has none), matching the path
 * without its query string (kubectl adds {@code ?timeout=32s}); everything else goes to the
 * CRUD dispatcher.
 */
final class DiscoveryDispatcher extends Dispatcher {

    private record Kind(String plural, String kind, boolean namespaced) {}

    private static final Map<String, List<Kind>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(
                "v1",
                List.of(
                        new Kind("namespaces", "Namespace", false),
                        new Kind("serviceaccounts", "ServiceAccount", true),
                        new Kind("secrets", "Secret", true),
                        new Kind("services", "Service", true),
                        new Kind("configmaps", "ConfigMap", true)));
        GROUPS.put("apps/v1", List.of(new Kind("deployments", "Deployment", true)));
        GROUPS.put(
                "rbac.authorization.k8s.io/v1",
                List.of(
                        new Kind("clusterroles", "ClusterRole", false),
                        new Kind("clusterrolebindings", "ClusterRoleBinding", false),
                        new Kind("roles", "Role", true),
                        new Kind("rolebindings", "RoleBinding", true)));
        GROUPS.put("networking.k8s.io/v1", List.of(new Kind("ingresses", "Ingress", true)));
        GROUPS.put("policy/v1", List.of(new Kind("poddisruptionbudgets", "PodDisruptionBudget", true)));
        GROUPS.put(
                "apiextensions.k8s.io/v1",
                List.of(new Kind("customresourcedefinitions", "CustomResourceDefinition", false)));
    }

    private final Dispatcher crud;
    private final Map<String, String> documents = new LinkedHashMap<>();

    DiscoveryDispatcher(Dispatcher crud) {
        this.crud = crud;
        documents.put(
                "/api",
                "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                        + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}");
        documents.put("/apis", groupList());
        GROUPS.forEach((groupVersion, kinds) -> documents.put(
                (groupVersion.equals("v1") ? "/api/" : "/apis/") + groupVersion, resourceList(groupVersion, kinds)));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String document = documents.get(query < 0 ? path : path.substring(0, query));
        if (document != null && "GET".equals(request.getMethod())) {
            return new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", "application/json")
                    .setBody(document);
        }
        // The CRUD dispatcher consumes the body; give it a copy so the recorded request
        // (DefaultMockServer#takeRequest) still carries what the client sent.
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().readByteArray();
        if (request.getBody() != null) {
            request.getBody().write(body);
        }
        return crud.dispatch(new RecordedRequest(
                request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(), new Buffer(body)));
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }

    private static String groupList() {
        String groups = GROUPS.keySet().stream()
                .filter(gv -> !gv.equals("v1"))
                .map(gv -> {
                    String group = gv.substring(0, gv.indexOf('/'));
                    String version = "{\"groupVersion\":\"" + gv + "\",\"version\":\"v1\"}";
                    return "{\"name\":\"" + group + "\",\"versions\":[" + version + "],\"preferredVersion\":" + version
                            + "}";
                })
                .collect(Collectors.joining(","));
        return "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + groups + "]}";
    }

    private static String resourceList(String groupVersion, List<Kind> kinds) {
        String resources = kinds.stream()
                .map(
                        k -> "{\"name\":\"" + k.plural() + "\",\"singularName\":\""
                                + k.kind().toLowerCase() + "\",\"namespaced\":" + k.namespaced() + ",\"kind\":\""
                                + k.kind()
                                + "\",\"verbs\":[\"create\",\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]}")
                .collect(Collectors.joining(","));
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion
                + "\",\"resources\":[" + resources + "]}";
    }
}
