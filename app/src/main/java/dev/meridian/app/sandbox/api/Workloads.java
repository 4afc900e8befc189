package dev.meridian.app.sandbox.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The controllers a user expects behind a Deployment, in miniature: its pods appear as running
 * (named and labelled as the ReplicaSet controller names them, without the ReplicaSet), a
 * changed template replaces them, and the Deployment's status reports the rollout done, so
 * {@code kubectl get pods} and {@code kubectl rollout status} answer as on a cluster. No
 * container runs. Deployments another part of the sandbox rolls out itself are left alone.
 */
final class Workloads {
    private static final String HASH_LABEL = "pod-template-hash";

    private final MockLink mock;
    private final WatchHub hub;
    private final Clock clock;
    private volatile Predicate<Map<String, Object>> rolledOutElsewhere = deployment -> false;

    Workloads(MockLink mock, WatchHub hub, Clock clock) {
        this.mock = mock;
        this.hub = hub;
        this.clock = clock;
    }

    void rolledOutElsewhere(Predicate<Map<String, Object>> predicate) {
        this.rolledOutElsewhere = Objects.requireNonNull(predicate);
    }

    /** Follows a stored change; completes when the Deployment's pods and status follow it. */
    Future<Void> changed(String type, ApiPath path, Map<String, Object> object) {
        if (!path.groupVersion().equals("apps/v1")
                || !path.resource().equals("deployments")
                || path.subresource() != null) {
            return Future.succeededFuture();
        }
        if (type.equals("DELETED")) {
            return podsOf(object).compose(pods -> deletePods(pods, p -> true));
        }
        if (rolledOutElsewhere.test(object)) {
            return Future.succeededFuture();
        }
        return reconcile(object);
    }

    private Future<Void> reconcile(Map<String, Object> deployment) {
        Map<String, Object> spec = Tree.map(deployment, "spec");
        int replicas = spec.get("replicas") instanceof Number n ? n.intValue() : 1;
        String hash = templateHash(Tree.map(spec, "template"));
        return podsOf(deployment).compose(pods -> {
            List<Map<String, Object>> current = pods.stream()
                    .filter(p -> hash.equals(
                            Tree.map(Tree.map(p, "metadata"), "labels").get(HASH_LABEL)))
                    .toList();
            List<Future<Reply>> writes = new ArrayList<>();
            for (int i = current.size(); i < replicas; i++) {
                writes.add(createPod(deployment, hash));
            }
            return deletePods(pods, p -> !current.contains(p) || current.indexOf(p) >= replicas)
                    .compose(v -> Future.all(writes))
                    .compose(v -> reportRolledOut(deployment, replicas));
        });
    }

    private Future<Reply> createPod(Map<String, Object> deployment, String hash) {
        Map<String, Object> metadata = Tree.map(deployment, "metadata");
        Map<String, Object> template = Tree.map(Tree.map(deployment, "spec"), "template");
        Map<String, Object> labels = new LinkedHashMap<>(Tree.map(Tree.map(template, "metadata"), "labels"));
        labels.put(HASH_LABEL, hash);
        String namespace = (String) metadata.get("namespace");
        String name = metadata.get("name") + "-" + hash + "-" + suffix();
        Map<String, Object> podMetadata = new LinkedHashMap<>();
        podMetadata.put("name", name);
        podMetadata.put("namespace", namespace);
        podMetadata.put("labels", labels);
        podMetadata.put(
                "ownerReferences",
                List.of(Map.of(
                        "apiVersion",
                        "apps/v1",
                        "kind",
                        "Deployment",
                        "name",
                        metadata.get("name"),
                        "uid",
                        String.valueOf(metadata.get("uid")),
                        "controller",
                        true)));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", podMetadata);
        Map<String, Object> podSpec = new LinkedHashMap<>(Tree.map(template, "spec"));
        podSpec.putIfAbsent("nodeName", "sandbox-node");
        pod.put("spec", podSpec);
        pod.put("status", runningStatus(Tree.map(template, "spec")));
        ApiPath pods = new ApiPath("/api/v1", "v1", namespace, "pods", null, null);
        return mock.send(HttpMethod.POST, pods.collectionPath(), pod).map(reply -> {
            Map<String, Object> stored = reply.object();
            if (reply.ok() && stored != null) {
                hub.publish(WatchEvent.of("ADDED", pods, stored));
            }
            return reply;
        });
    }

    private Map<String, Object> runningStatus(Map<String, Object> podSpec) {
        String now = clock.instant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        List<Object> containers = new ArrayList<>();
        for (Object container : Tree.list(podSpec, "containers")) {
            Map<String, Object> c = Tree.map(container);
            containers.add(Map.of(
                    "name",
                    String.valueOf(c.get("name")),
                    "image",
                    String.valueOf(c.get("image")),
                    "ready",
                    true,
                    "started",
                    true,
                    "restartCount",
                    0,
                    "state",
                    Map.of("running", Map.of("startedAt", now))));
        }
        return Map.of(
                "phase",
                "Running",
                "podIP",
                "10.0.0." + ThreadLocalRandom.current().nextInt(2, 250),
                "startTime",
                now,
                "conditions",
                List.of(
                        Map.of("type", "Ready", "status", "True", "lastTransitionTime", now),
                        Map.of("type", "ContainersReady", "status", "True", "lastTransitionTime", now)),
                "containerStatuses",
                containers);
    }

    private Future<Void> reportRolledOut(Map<String, Object> deployment, int replicas) {
        Map<String, Object> metadata = Tree.map(deployment, "metadata");
        ApiPath path = new ApiPath(
                "/apis/apps/v1",
                "apps/v1",
                (String) metadata.get("namespace"),
                "deployments",
                (String) metadata.get("name"),
                "status");
        return mock.get(path.objectPath()).compose(live -> {
            Map<String, Object> current = live.object();
            if (!live.ok() || current == null) {
                return Future.succeededFuture();
            }
            Object generation = Tree.map(current, "metadata").getOrDefault("generation", 1);
            String now = clock.instant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("observedGeneration", generation);
            status.put("replicas", replicas);
            status.put("updatedReplicas", replicas);
            status.put("readyReplicas", replicas);
            status.put("availableReplicas", replicas);
            status.put(
                    "conditions",
                    List.of(
                            condition(
                                    "Available",
                                    "MinimumReplicasAvailable",
                                    "Deployment has minimum availability.",
                                    now),
                            condition("Progressing", "NewReplicaSetAvailable", "The rollout is complete.", now)));
            Map<String, Object> updated = new LinkedHashMap<>(current);
            updated.put("status", status);
            return mock.send(HttpMethod.PUT, path.objectPath() + "/status", updated)
                    .map(reply -> {
                        Map<String, Object> stored = reply.object();
                        if (reply.ok() && stored != null) {
                            hub.publish(WatchEvent.of("MODIFIED", path, stored));
                        }
                        return null;
                    });
        });
    }

    private static Map<String, Object> condition(String type, String reason, String message, String now) {
        return Map.of(
                "type",
                type,
                "status",
                "True",
                "reason",
                reason,
                "message",
                message,
                "lastUpdateTime",
                now,
                "lastTransitionTime",
                now);
    }

    /** The pods this Deployment owns. */
    private Future<List<Map<String, Object>>> podsOf(Map<String, Object> deployment) {
        Map<String, Object> metadata = Tree.map(deployment, "metadata");
        Object uid = metadata.get("uid");
        return mock.get("/api/v1/namespaces/" + metadata.get("namespace") + "/pods")
                .map(reply -> {
                    List<Map<String, Object>> owned = new ArrayList<>();
                    for (Object item : reply.ok() ? Tree.list(reply.object(), "items") : List.of()) {
                        Map<String, Object> pod = Tree.map(item);
                        boolean ours = Tree.list(Tree.map(pod, "metadata"), "ownerReferences").stream()
                                .anyMatch(ref -> Objects.equals(Tree.map(ref).get("uid"), uid));
                        if (ours) {
                            owned.add(pod);
                        }
                    }
                    return owned;
                });
    }

    private Future<Void> deletePods(List<Map<String, Object>> pods, Predicate<Map<String, Object>> which) {
        List<Future<Reply>> deletes = new ArrayList<>();
        for (Map<String, Object> pod : pods) {
            if (!which.test(pod)) {
                continue;
            }
            Map<String, Object> metadata = Tree.map(pod, "metadata");
            ApiPath path = new ApiPath(
                    "/api/v1", "v1", (String) metadata.get("namespace"), "pods", (String) metadata.get("name"), null);
            Map<String, Object> gone = new LinkedHashMap<>(pod);
            gone.putIfAbsent("apiVersion", "v1");
            gone.putIfAbsent("kind", "Pod");
            deletes.add(mock.call(HttpMethod.DELETE, path.objectPath(), null, null)
                    .map(reply -> {
                        if (reply.ok()) {
                            hub.publish(WatchEvent.of("DELETED", path, gone));
                        }
                        return reply;
                    }));
        }
        return Future.all(deletes).mapEmpty();
    }

    /** Ten hex digits that change when the pod template changes, like the ReplicaSet's hash. */
    private static String templateHash(Map<String, Object> template) {
        String json = io.fabric8.kubernetes.client.utils.Serialization.asJson(template);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            text.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
