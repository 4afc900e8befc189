package dev.meridian.app.plane;

import dev.meridian.app.contexts.GatewayRecord;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.ClusterObjects;
import dev.meridian.app.fleet.ManagementFailures;
import dev.meridian.app.kubeconfig.CentralGateway;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.installer.manifest.PlaneManifests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plane over {@link KubeApi}: a GET per question, JSON read into {@link ClusterInfo}. */
final class HttpPlane implements Plane {
    static final String CLUSTERS = "/apis/management.loft.sh/v1/clusters";
    static final String GATEWAY_RECORD =
            "/api/v1/namespaces/" + PlaneManifests.DEFAULT_NAMESPACE + "/configmaps/" + PlaneManifests.GATEWAY_RECORD;

    /** What a Cluster is read for (see {@link ClusterObjects}); managedFields and the rest are skipped. */
    private static final Json.Keep CLUSTER = Json.Keep.only(Map.of(
            "metadata",
            Json.Keep.only(Map.of(
                    "name", Json.Keep.ALL,
                    "labels", Json.Keep.ALL,
                    "annotations", Json.Keep.ALL,
                    "resourceVersion", Json.Keep.ALL)),
            "spec",
            Json.Keep.only(Map.of("displayName", Json.Keep.ALL, "description", Json.Keep.ALL)),
            "status",
            Json.Keep.only(Map.of("phase", Json.Keep.ALL, "reason", Json.Keep.ALL, "message", Json.Keep.ALL))));

    private static final Json.Keep CLUSTER_LIST = Json.Keep.only(Map.of("items", CLUSTER));

    private final KubeApi api;
    private final Clock clock;

    HttpPlane(ManagementAccess access, Map<String, String> env, Clock clock) {
        this.api = new KubeApi(access.server(), access.tls(), access.proxyUrl(), access.credential(), env);
        this.clock = clock;
    }

    /** Whether the light client carries the management context (see {@link KubeApi#carries}). */
    static boolean carries(ManagementAccess access) {
        return KubeApi.carries(access.tls(), access.proxyUrl(), access.credential());
    }

    @Override
    public ClusterInfo cluster(String name) {
        String action = "read cluster " + name;
        KubeApi.Reply reply = ask(action, CLUSTERS + "/" + segment(name));
        if (reply.status() == 404) {
            throw ManagementFailures.clusterNotFound(name);
        }
        return ClusterObjects.fromJson(object(action, check(action, reply), CLUSTER), clock.instant());
    }

    @Override
    public List<ClusterInfo> clusters() {
        String action = "list clusters";
        Map<String, Object> list = object(action, check(action, ask(action, CLUSTERS)), CLUSTER_LIST);
        Object items = list.get("items");
        List<ClusterInfo> clusters = new ArrayList<>();
        Instant now = clock.instant();
        if (items instanceof List<?> objects) {
            for (Object item : objects) {
                if (item instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> cluster = (Map<String, Object>) item;
                    clusters.add(ClusterObjects.fromJson(cluster, now));
                }
            }
        }
        clusters.sort(Comparator.comparing(ClusterInfo::name));
        return clusters;
    }

    @Override
    public Optional<CentralGateway> gateway() {
        KubeApi.Reply reply;
        try {
            reply = api.get(GATEWAY_RECORD);
        } catch (KubeApi.Unreachable e) {
            // As with a forbidden read: whatever the user does next reports the plane itself.
            return Optional.empty();
        }
        if (!reply.ok()) {
            return Optional.empty();
        }
        Map<String, Object> configMap;
        try {
            configMap = Json.object(reply.body());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(GatewayRecord.parse(ClusterObjects.stringMap(configMap.get("data"))));
    }

    @Override
    public void close() {
        // The JDK keeps idle connections in its keep-alive cache and closes them itself.
    }

    private KubeApi.Reply ask(String action, String path) {
        try {
            return api.get(path);
        } catch (KubeApi.Unreachable e) {
            throw ManagementFailures.unreachable(action, e.getMessage(), e);
        }
    }

    private static KubeApi.Reply check(String action, KubeApi.Reply reply) {
        if (!reply.ok()) {
            throw ManagementFailures.answered(action, reply.status(), reply.message(), null);
        }
        return reply;
    }

    private static Map<String, Object> object(String action, KubeApi.Reply reply, Json.Keep keep) {
        try {
            return Json.object(reply.body(), keep);
        } catch (IllegalArgumentException e) {
            throw ManagementFailures.answered(action, reply.status(), "its answer is " + e.getMessage(), e);
        }
    }

    /** A name as one URL path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
