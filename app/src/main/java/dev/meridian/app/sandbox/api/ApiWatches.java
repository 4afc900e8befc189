package dev.meridian.app.sandbox.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves {@code ?watch=true} as the API server does: a chunked HTTP stream of JSON events
 * (what kubectl reads) or WebSocket text frames (what fabric8 clients ask for). Without a
 * resource version, or with "0", the stream starts with the current objects as ADDED. A
 * watch ends at its {@code timeoutSeconds}, when the client goes or falls too far behind,
 * and when the server closes; each path releases its place in the hub.
 */
final class ApiWatches implements AutoCloseable {
    private static final long DEFAULT_TIMEOUT_SECONDS = 1800;

    /** Where a watch's events go. */
    private interface Sink {
        /** False when the client cannot keep up: the watch is ended then. */
        boolean send(String line);

        void end();

        void onClose(Runnable action);
    }

    private final Vertx vertx;
    private final MockLink mock;
    private final WatchHub hub;
    private final Tables tables;
    private final Set<Sink> open = ConcurrentHashMap.newKeySet();

    ApiWatches(Vertx vertx, MockLink mock, WatchHub hub, Tables tables) {
        this.vertx = vertx;
        this.mock = mock;
        this.hub = hub;
        this.tables = tables;
    }

    static boolean isWatch(HttpServerRequest request) {
        String watch = request.getParam("watch");
        return "true".equals(watch) || "1".equals(watch);
    }

    void serve(HttpServerRequest request, ApiPath path) {
        WatchHub.Filter filter;
        long since;
        long timeout;
        try {
            filter = filter(path, request.getParam("labelSelector"), request.getParam("fieldSelector"));
            String version = request.getParam("resourceVersion");
            since = version == null || version.isEmpty() || version.equals("0") ? -1 : Long.parseLong(version);
            String seconds = request.getParam("timeoutSeconds");
            timeout = seconds == null ? DEFAULT_TIMEOUT_SECONDS : Math.max(1, Long.parseLong(seconds));
        } catch (IllegalArgumentException e) {
            ApiFront.write(request.response(), Reply.failure(400, "BadRequest", e.getMessage()));
            return;
        }
        Future<Sink> sink = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                ? request.toWebSocket().map(ApiWatches::socketSink)
                : Future.succeededFuture(httpSink(request.response()));
        java.util.function.Function<WatchEvent, String> encoding = Tables.wanted(request.getHeader("Accept"))
                ? event -> io.fabric8.kubernetes.client.utils.Serialization.asJson(
                        Map.of("type", event.type(), "object", tables.of(path, event.object())))
                : WatchEvent::json;
        sink.onSuccess(s -> start(s, path, filter, since, timeout, encoding));
    }

    private void start(
            Sink sink,
            ApiPath path,
            WatchHub.Filter filter,
            long since,
            long timeoutSeconds,
            java.util.function.Function<WatchEvent, String> encoding) {
        open.add(sink);
        long timer = vertx.setTimer(timeoutSeconds * 1000, id -> sink.end());
        WatchHub.Subscription[] subscription = new WatchHub.Subscription[1];
        sink.onClose(() -> {
            if (open.remove(sink)) {
                vertx.cancelTimer(timer);
                if (subscription[0] != null) {
                    subscription[0].close();
                }
            }
        });
        Future<Long> from = since >= 0 ? Future.succeededFuture(since) : sendCurrent(sink, path, filter, encoding);
        from.onComplete(result -> {
            if (result.failed() || !open.contains(sink)) {
                sink.end();
                return;
            }
            try {
                subscription[0] = hub.subscribe(filter, result.result(), event -> {
                    if (!sink.send(encoding.apply(event))) {
                        sink.end();
                    }
                });
                if (!open.contains(sink)) {
                    subscription[0].close();
                }
            } catch (WatchHub.Expired e) {
                sink.send(io.fabric8.kubernetes.client.utils.Serialization.asJson(Map.of(
                        "type",
                        "ERROR",
                        "object",
                        Reply.failure(410, "Expired", e.getMessage()).object())));
                sink.end();
            }
        });
    }

    /** Sends the current objects as ADDED; completes with the list's resource version. */
    @SuppressWarnings("unchecked")
    private Future<Long> sendCurrent(
            Sink sink, ApiPath path, WatchHub.Filter filter, java.util.function.Function<WatchEvent, String> encoding) {
        return mock.get(path.collectionPath()).map(reply -> {
            Map<String, Object> list = reply.object();
            if (!reply.ok() || list == null) {
                throw new IllegalStateException("the list before the watch failed: " + reply.status());
            }
            for (Map<String, Object> object : Tree.items(list, path.groupVersion())) {
                WatchEvent event = WatchEvent.of("ADDED", path, object);
                if (filter.matches(event)) {
                    sink.send(encoding.apply(event));
                }
            }
            Map<String, Object> metadata = (Map<String, Object>) list.getOrDefault("metadata", Map.of());
            return WatchEvent.parseVersion(metadata.get("resourceVersion"));
        });
    }

    static WatchHub.Filter filter(ApiPath path, String labelSelector, String fieldSelector) {
        String namespace = path.namespace();
        String name = path.name();
        if (fieldSelector != null && !fieldSelector.isBlank()) {
            for (String term : fieldSelector.split(",")) {
                String[] pair = term.split("==?", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("unable to parse the field selector term '" + term + "'");
                }
                switch (pair[0].trim()) {
                    case "metadata.name" -> name = pair[1].trim();
                    case "metadata.namespace" -> namespace = pair[1].trim();
                    default ->
                        throw new IllegalArgumentException(Reply.LIMIT
                                + "watches select by metadata.name and metadata.namespace only, not '"
                                + pair[0].trim() + "'");
                }
            }
        }
        return new WatchHub.Filter(path.resourceKey(), namespace, name, LabelSelector.parse(labelSelector));
    }

    private static Sink httpSink(HttpServerResponse response) {
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json");
        response.write("");
        return new Sink() {
            @Override
            public boolean send(String line) {
                if (response.ended() || response.closed()) {
                    return false;
                }
                response.write(line + "\n");
                return !response.writeQueueFull();
            }

            @Override
            public void end() {
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }

            @Override
            public void onClose(Runnable action) {
                response.closeHandler(v -> action.run());
                response.endHandler(v -> action.run());
            }
        };
    }

    private static Sink socketSink(ServerWebSocket socket) {
        return new Sink() {
            @Override
            public boolean send(String line) {
                if (socket.isClosed()) {
                    return false;
                }
                socket.writeTextMessage(line);
                return !socket.writeQueueFull();
            }

            @Override
            public void end() {
                if (!socket.isClosed()) {
                    socket.close();
                }
            }

            @Override
            public void onClose(Runnable action) {
                socket.closeHandler(v -> action.run());
            }
        };
    }

    int open() {
        return open.size();
    }

    @Override
    public void close() {
        List.copyOf(open).forEach(Sink::end);
    }
}
