package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of the simulated API server: each goes to the store and, once stored, becomes a
 * watch event. Strategic merge patches and server-side apply are computed here (read the live
 * object, merge, write the whole object back); a dry run computes and stores nothing.
 */
final class Writes {
    /** One write as it came in, its body already JSON. */
    record Request(
            ApiPath path,
            HttpMethod method,
            String uri,
            MultiMap headers,
            Buffer body,
            boolean dryRun,
            String fieldManager,
            boolean force) {}

    private final MockLink mock;
    private final WatchHub hub;
    private final Clock clock;
    private final Workloads workloads;

    Writes(MockLink mock, WatchHub hub, Clock clock, Workloads workloads) {
        this.mock = mock;
        this.hub = hub;
        this.clock = clock;
        this.workloads = workloads;
    }

    /** Tells watches and the workload controller about a stored change. */
    private void announce(String type, ApiPath path, Map<String, Object> object) {
        WatchEvent event = WatchEvent.of(type, path, object);
        hub.publish(event);
        workloads.changed(type, path, object);
    }

    /**
     * A create: the body as sent, with the writer recorded in managedFields (so a later apply
     * sees who owns what) and what the server sets itself (generation, status) reset.
     */
    Future<Reply> create(Request request) {
        Map<String, Object> object = parse(request.body());
        if (object == null || request.path().subresource() != null) {
            // a body that is not an object, or a subresource write such as an access review: as is
            return request.dryRun() && object != null
                    ? Future.succeededFuture(Reply.json(201, object))
                    : passOn(request).map(reply -> published(reply, "ADDED", request.path()));
        }
        Map<String, Object> created =
                ServerSideApply.recordUpdate(null, fresh(object), manager(request), clock.instant());
        if (request.dryRun()) {
            return Future.succeededFuture(Reply.json(201, created));
        }
        return mock.send(HttpMethod.POST, request.uri(), created)
                .map(reply -> published(reply, "ADDED", request.path()));
    }

    /** A PUT or a JSON/merge patch: the store applies it; a PUT records its writer first. */
    Future<Reply> update(Request request) {
        Map<String, Object> object = parse(request.body());
        if (!HttpMethod.PUT.equals(request.method()) || object == null) {
            return request.dryRun()
                    ? mock.get(request.path().objectPath())
                    : passOn(request).map(reply -> published(reply, "MODIFIED", request.path()));
        }
        return mock.get(request.path().objectPath()).compose(live -> {
            Map<String, Object> before = live.object();
            Map<String, Object> after = before == null || !live.ok()
                    ? object
                    : ServerSideApply.recordUpdate(before, object, manager(request), clock.instant());
            if (request.dryRun()) {
                return Future.succeededFuture(Reply.json(200, after));
            }
            return mock.send(HttpMethod.PUT, request.uri(), after)
                    .map(reply -> published(reply, "MODIFIED", request.path()));
        });
    }

    /** Who writes: the fieldManager parameter, else the client's name as the API server derives it. */
    private static String manager(Request request) {
        if (request.fieldManager() != null && !request.fieldManager().isBlank()) {
            return request.fieldManager();
        }
        String agent = request.headers() == null ? null : request.headers().get("User-Agent");
        if (agent == null || agent.isBlank()) {
            return "unknown";
        }
        int slash = agent.indexOf('/');
        return slash > 0 ? agent.substring(0, slash) : agent;
    }

    /** What the server sets on a new object is not taken from the client. */
    private static Map<String, Object> fresh(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        Map<String, Object> metadata = new LinkedHashMap<>(Tree.map(object, "metadata"));
        if (metadata.get("generation") instanceof Number n && n.longValue() == 0) {
            metadata.remove("generation");
        }
        copy.put("metadata", metadata);
        if ("Service".equals(object.get("kind"))) {
            Map<String, Object> spec = new LinkedHashMap<>(Tree.map(object, "spec"));
            if (!"ExternalName".equals(spec.get("type")) && spec.get("clusterIP") == null) {
                // the service IP allocator's part: an address from the cluster's service range
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                spec.put("clusterIP", "10.96." + random.nextInt(1, 255) + "." + random.nextInt(1, 255));
            }
            copy.put("spec", spec);
        }
        return copy;
    }

    Future<Reply> delete(Request request) {
        ApiPath path = request.path();
        String before =
                path.isCollection() ? request.uri().replaceFirst("^[^?]*", path.collectionPath()) : path.objectPath();
        return mock.get(before).compose(found -> {
            if (!found.ok() || request.dryRun()) {
                return Future.succeededFuture(found);
            }
            return passOn(request).compose(reply -> {
                if (!reply.ok()) {
                    return Future.succeededFuture(reply);
                }
                for (Map<String, Object> gone : items(found, path)) {
                    announce("DELETED", path, gone);
                }
                return isNamespace(path) ? emptyNamespace(path.name()).map(reply) : Future.succeededFuture(reply);
            });
        });
    }

    private static boolean isNamespace(ApiPath path) {
        return path.prefix().equals("/api/v1") && path.resource().equals("namespaces") && path.name() != null;
    }

    /** A deleted namespace takes its objects with it, as the namespace controller does on a real cluster. */
    private Future<Void> emptyNamespace(String namespace) {
        List<Future<Void>> emptied = ApiResources.ALL.stream()
                .filter(ApiResources.Type::namespaced)
                .map(type -> {
                    ApiPath collection =
                            new ApiPath(type.prefix(), type.groupVersion(), namespace, type.plural(), null, null);
                    return mock.get(collection.collectionPath()).compose(found -> deleteEach(collection, found));
                })
                .toList();
        return Future.all(emptied).mapEmpty();
    }

    @SuppressWarnings("unchecked")
    private Future<Void> deleteEach(ApiPath collection, Reply found) {
        if (!found.ok()) {
            return Future.succeededFuture();
        }
        List<Future<Reply>> deletes = items(found, collection).stream()
                .filter(item -> item.get("metadata") instanceof Map<?, ?>)
                .map(item -> {
                    String name = (String) ((Map<String, Object>) item.get("metadata")).get("name");
                    ApiPath one = collection.forObject(collection.namespace(), name);
                    return mock.call(HttpMethod.DELETE, one.objectPath(), null, null)
                            .map(reply -> {
                                if (reply.ok()) {
                                    announce("DELETED", one, item);
                                }
                                return reply;
                            });
                })
                .toList();
        return Future.all(deletes).mapEmpty();
    }

    /**
     * The {@code scale} subresource of Deployments, StatefulSets and ReplicaSets: reads as an
     * {@code autoscaling/v1} Scale; a write (PUT, or a merge, strategic or JSON patch setting
     * the replicas) changes the object's {@code spec.replicas}.
     */
    Future<Reply> scale(Request request, String contentType) {
        ApiPath path = request.path();
        return mock.get(path.objectPath()).compose(live -> {
            Map<String, Object> current = live.object();
            if (!live.ok() || current == null) {
                return Future.succeededFuture(live);
            }
            if (HttpMethod.GET.equals(request.method())) {
                return Future.succeededFuture(Reply.json(200, scaleOf(current)));
            }
            Integer replicas = requestedReplicas(request.body(), contentType);
            if (replicas == null) {
                return Future.succeededFuture(
                        Reply.failure(400, "BadRequest", "the scale request does not set spec.replicas"));
            }
            Map<String, Object> updated = new LinkedHashMap<>(current);
            Map<String, Object> spec = new LinkedHashMap<>(Tree.map(current, "spec"));
            spec.put("replicas", replicas);
            updated.put("spec", spec);
            if (request.dryRun()) {
                return Future.succeededFuture(Reply.json(200, scaleOf(updated)));
            }
            return mock.send(HttpMethod.PUT, path.objectPath(), updated).map(reply -> {
                Map<String, Object> stored = reply.object();
                if (!reply.ok() || stored == null) {
                    return reply;
                }
                announce("MODIFIED", path.forObject(path.namespace(), path.name()), stored);
                return Reply.json(200, scaleOf(stored));
            });
        });
    }

    private static Map<String, Object> scaleOf(Map<String, Object> object) {
        Map<String, Object> metadata = Tree.map(object, "metadata");
        Map<String, Object> spec = Tree.map(object, "spec");
        Map<String, Object> scaleMetadata = new LinkedHashMap<>();
        for (String key : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (metadata.containsKey(key)) {
                scaleMetadata.put(key, metadata.get(key));
            }
        }
        Object replicas = spec.getOrDefault("replicas", 1);
        Map<String, Object> labels = Tree.map(Tree.map(spec, "selector"), "matchLabels");
        String selector = String.join(
                ",",
                labels.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
        return Map.of(
                "apiVersion",
                "autoscaling/v1",
                "kind",
                "Scale",
                "metadata",
                scaleMetadata,
                "spec",
                Map.of("replicas", replicas),
                "status",
                Map.of("replicas", Tree.map(object, "status").getOrDefault("replicas", 0), "selector", selector));
    }

    private static Integer requestedReplicas(Buffer body, String contentType) {
        try {
            if (contentType.startsWith("application/json-patch")) {
                for (Object op : Serialization.unmarshal(body.toString(), List.class)) {
                    Map<String, Object> operation = Tree.map(op);
                    if ("/spec/replicas".equals(operation.get("path")) && operation.get("value") instanceof Number n) {
                        return n.intValue();
                    }
                }
                return null;
            }
            Map<String, Object> tree = parse(body);
            return Tree.map(tree, "spec").get("replicas") instanceof Number n ? n.intValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    Future<Reply> strategicMerge(Request request) {
        Map<String, Object> patch = parse(request.body());
        if (patch == null) {
            return Future.succeededFuture(badBody());
        }
        ApiPath path = request.path();
        return mock.get(path.objectPath()).compose(live -> {
            Map<String, Object> current = live.object();
            if (!live.ok() || current == null) {
                return Future.succeededFuture(live);
            }
            Map<String, Object> merged;
            try {
                merged = StrategicMerge.apply(
                        current, patch, (String) current.get("apiVersion"), (String) current.get("kind"));
            } catch (PatchException e) {
                return Future.succeededFuture(Reply.refused(e));
            }
            merged = ServerSideApply.recordUpdate(current, merged, manager(request), clock.instant());
            return store(request, path, merged, false);
        });
    }

    Future<Reply> apply(Request request) {
        Map<String, Object> applied = parse(request.body());
        if (applied == null) {
            return Future.succeededFuture(badBody());
        }
        if (request.fieldManager() == null || request.fieldManager().isBlank()) {
            return Future.succeededFuture(
                    Reply.failure(400, "BadRequest", "PATCH requests of type apply must name a fieldManager"));
        }
        ApiPath path = request.path();
        return mock.get(path.objectPath()).compose(live -> {
            if (!live.ok() && live.status() != 404) {
                return Future.succeededFuture(live);
            }
            Map<String, Object> current = live.ok() ? live.object() : null;
            Map<String, Object> result;
            try {
                result = ServerSideApply.apply(
                        current, applied, request.fieldManager(), request.force(), clock.instant());
            } catch (PatchException e) {
                return Future.succeededFuture(Reply.refused(e));
            }
            return store(request, path, named(result, path), current == null);
        });
    }

    /** Writes a computed object (or only shows it, in a dry run) and publishes the change. */
    private Future<Reply> store(Request request, ApiPath path, Map<String, Object> object, boolean create) {
        if (request.dryRun()) {
            return Future.succeededFuture(Reply.json(create ? 201 : 200, object));
        }
        String target = create
                ? path.collectionPath()
                : path.objectPath() + (path.subresource() == null ? "" : "/" + path.subresource());
        return mock.send(create ? HttpMethod.POST : HttpMethod.PUT, target, object)
                .map(reply -> published(reply, create ? "ADDED" : "MODIFIED", path));
    }

    private Future<Reply> passOn(Request request) {
        return mock.call(request.method(), request.uri(), request.headers(), request.body());
    }

    private Reply published(Reply reply, String type, ApiPath path) {
        Map<String, Object> object = reply.object();
        if (reply.ok() && object != null && !"Status".equals(object.get("kind"))) {
            announce(type, path, object);
        }
        return reply;
    }

    /** The objects a successful read returned: the one object, or a list's items. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Reply found, ApiPath path) {
        Map<String, Object> object = found.object();
        if (object == null) {
            return List.of();
        }
        Object items = object.get("items");
        if (!(items instanceof List<?> list)) {
            return List.of(object);
        }
        return Tree.items(object, path.groupVersion());
    }

    /** The applied object carries the name and namespace of the path it was applied to. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Map<String, Object> object, ApiPath path) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        Map<String, Object> metadata =
                new LinkedHashMap<>((Map<String, Object>) copy.getOrDefault("metadata", Map.of()));
        metadata.putIfAbsent("name", path.name());
        if (path.namespace() != null) {
            metadata.putIfAbsent("namespace", path.namespace());
        }
        copy.put("metadata", metadata);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Buffer body) {
        try {
            Object tree = Serialization.unmarshal(body.toString(), Map.class);
            return tree instanceof Map<?, ?> ? (Map<String, Object>) tree : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Reply badBody() {
        return Reply.failure(400, "BadRequest", "the request body is not a JSON or YAML object");
    }
}
