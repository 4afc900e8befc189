package dev.meridian.app.sandbox.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain-HTTP API server on loopback that serves legacy discovery for the sandbox's groups, records every POST and
 * answers it 201 with the decoded object: enough for {@code kubectl create <kind>} to finish.
 */
final class RecordingApiServer implements AutoCloseable {
    record Request(String path, String contentType, byte[] body) {}

    /** group version -> resources as (plural, kind, namespaced). */
    private static final Map<String, List<Object[]>> RESOURCES = Map.of(
            "v1",
            List.of(
                    new Object[] {"namespaces", "Namespace", false},
                    new Object[] {"configmaps", "ConfigMap", true},
                    new Object[] {"secrets", "Secret", true},
                    new Object[] {"services", "Service", true},
                    new Object[] {"serviceaccounts", "ServiceAccount", true},
                    new Object[] {"resourcequotas", "ResourceQuota", true},
                    new Object[] {"pods", "Pod", true}),
            "apps/v1",
            List.<Object[]>of(new Object[] {"deployments", "Deployment", true}),
            "batch/v1",
            List.of(new Object[] {"jobs", "Job", true}, new Object[] {"cronjobs", "CronJob", true}),
            "networking.k8s.io/v1",
            List.<Object[]>of(new Object[] {"ingresses", "Ingress", true}),
            "rbac.authorization.k8s.io/v1",
            List.of(
                    new Object[] {"roles", "Role", true},
                    new Object[] {"rolebindings", "RoleBinding", true},
                    new Object[] {"clusterroles", "ClusterRole", false},
                    new Object[] {"clusterrolebindings", "ClusterRoleBinding", false}),
            "policy/v1",
            List.<Object[]>of(new Object[] {"poddisruptionbudgets", "PodDisruptionBudget", true}));

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private RecordingApiServer(HttpServer server) {
        this.server = server;
    }

    static RecordingApiServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RecordingApiServer recording = new RecordingApiServer(http);
        http.createContext("/", recording::handle);
        http.start();
        return recording;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST")) {
                requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
                try {
                    // the decoded object, so kubectl prints "<kind>/<name> created"
                    answer(exchange, 201, Serialization.asJson(ProtobufBodies.decode(body)));
                } catch (IllegalArgumentException e) {
                    answer(exchange, 400, status(400, "BadRequest", e.getMessage()));
                }
                return;
            }
            String discovery = discovery(path);
            if (discovery != null && exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, discovery);
            } else {
                answer(exchange, 404, status(404, "NotFound", "the recording server has no " + path));
            }
        }
    }

    private static void answer(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String discovery(String path) {
        if (path.equals("/api")) {
            return Serialization.asJson(Map.of("kind", "APIVersions", "versions", List.of("v1")));
        }
        if (path.equals("/apis")) {
            List<Object> groups = new ArrayList<>();
            RESOURCES.keySet().stream().filter(gv -> gv.contains("/")).sorted().forEach(gv -> {
                Map<String, Object> version = Map.of("groupVersion", gv, "version", "v1");
                groups.add(Map.of(
                        "name",
                        gv.substring(0, gv.indexOf('/')),
                        "versions",
                        List.of(version),
                        "preferredVersion",
                        version));
            });
            return Serialization.asJson(Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups));
        }
        String groupVersion =
                path.startsWith("/api/") ? path.substring(5) : path.startsWith("/apis/") ? path.substring(6) : "";
        List<Object[]> resources = RESOURCES.get(groupVersion);
        if (resources == null) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        for (Object[] resource : resources) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", resource[0]);
            entry.put("singularName", ((String) resource[1]).toLowerCase(Locale.ROOT));
            entry.put("kind", resource[1]);
            entry.put("namespaced", resource[2]);
            entry.put("verbs", List.of("create", "delete", "get", "list", "patch", "update", "watch"));
            list.add(entry);
        }
        return Serialization.asJson(
                Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", list));
    }

    private static String status(int code, String reason, String message) {
        return Serialization.asJson(Map.of(
                "kind",
                "Status",
                "apiVersion",
                "v1",
                "status",
                "Failure",
                "code",
                code,
                "reason",
                reason,
                "message",
                message));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
