package dev.meridian.app.sandbox.api;

import dev.meridian.agent.tls.GeneratedTls;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulated API server as clients see it: HTTPS on loopback in front of an in-memory
 * store (fabric8's CRUD mock). The front does what the store cannot, the way the API server
 * does it: it reads protobuf bodies, applies strategic merge patches and server-side apply,
 * honours dry runs, streams watches, and publishes every change it writes to its watches.
 * Everything else passes to the store unchanged.
 */
public final class ApiFront implements AutoCloseable {
    /** Subresources that need a running container, with how a user names them. */
    private static final Map<String, String> NO_CONTAINERS = Map.of(
            "log", "'kubectl logs'",
            "exec", "'kubectl exec'",
            "attach", "'kubectl attach'",
            "portforward", "'kubectl port-forward'",
            "proxy", "proxying to a pod or service");

    private final HttpServer server;
    private final MockLink mock;
    private final WatchHub hub = new WatchHub();
    private final ApiWatches watches;
    private final Tables tables;
    private final Workloads workloads;
    private final Snapshots snapshots;
    private final Writes writes;

    private ApiFront(Vertx vertx, int storePort, GeneratedTls tls, Clock clock, java.nio.file.Path saved) {
        this.mock = new MockLink(vertx, storePort);
        this.snapshots = saved == null ? null : new Snapshots(vertx, mock, saved);
        if (snapshots != null) {
            hub.onPublish(snapshots::changed);
        }
        this.tables = new Tables(clock);
        this.watches = new ApiWatches(vertx, mock, hub, tables);
        this.workloads = new Workloads(mock, hub, clock);
        this.writes = new Writes(mock, hub, clock, workloads);
        PemKeyCertOptions pem = new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(tls.certificateChainPem()))
                .addKeyValue(Buffer.buffer(tls.privateKeyPem()));
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setSsl(true).setKeyCertOptions(pem))
                .requestHandler(this::handle);
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 for any) with the given certificate, in front of the
     * store listening on plain HTTP at {@code storePort}.
     */
    public static ApiFront start(Vertx vertx, int storePort, GeneratedTls tls, int port, java.nio.file.Path saved) {
        ApiFront front = new ApiFront(vertx, storePort, tls, Clock.systemUTC(), saved);
        try {
            if (front.snapshots != null) {
                front.snapshots.restore();
            }
            front.server.listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            front.close();
            throw new IllegalStateException(
                    port == 0
                            ? "the simulated API server could not listen on loopback: " + e.getMessage()
                            : "the simulated API server could not listen on 127.0.0.1:" + port
                                    + " (is another program using that port?): " + e.getMessage(),
                    e);
        }
        return front;
    }

    public int port() {
        return server.actualPort();
    }

    /**
     * Deployments matching this are rolled out by someone else (the sandbox's installed-agent
     * controller): the front creates no pods for them and leaves their status alone.
     */
    public void rolledOutElsewhere(java.util.function.Predicate<Map<String, Object>> deployments) {
        workloads.rolledOutElsewhere(deployments);
    }

    /** Watches open now, so tests can see they all end. */
    public int openWatches() {
        return watches.open();
    }

    private static final String DEFINITIONS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    /**
     * Discovery and OpenAPI v3 documents, which follow the stored CustomResourceDefinitions as a
     * real server's do once a definition is established. ({@code /openapi/v2} is not one: the
     * store refuses it with the sandbox limit.)
     */
    private static boolean isDiscovery(String path) {
        return path.equals("/api")
                || path.equals("/apis")
                || path.startsWith("/openapi/v3")
                || (path.startsWith("/api") && ApiPath.parse(path) == null && path.split("/").length <= 4);
    }

    private void handle(HttpServerRequest request) {
        ApiPath path = ApiPath.parse(request.path());
        if (path != null && HttpMethod.GET.equals(request.method()) && ApiWatches.isWatch(request)) {
            watches.serve(request, path);
            return;
        }
        request.body()
                .compose(body -> route(request, path, body))
                .onComplete(result -> write(
                        request.response(),
                        result.succeeded()
                                ? result.result()
                                : Reply.failure(
                                        500,
                                        "InternalError",
                                        "the simulated API server failed: "
                                                + result.cause().getMessage())));
    }

    private Future<Reply> route(HttpServerRequest request, ApiPath path, Buffer body) {
        if (HttpMethod.GET.equals(request.method()) && isDiscovery(request.path())) {
            return mock.get(DEFINITIONS).map(definitions -> {
                List<ApiResources.Type> types =
                        ApiResources.withDefinitions(definitions.ok() ? definitions.object() : null);
                String document = request.path().startsWith("/openapi/")
                        ? OpenApiDocs.document(request.path(), types)
                        : Discovery.document(request.path(), types);
                return document == null
                        ? Reply.failure(404, "NotFound", "the server could not find the requested resource")
                        : new Reply(200, "application/json", Buffer.buffer(document));
            });
        }
        if (path == null) {
            return mock.call(request.method(), request.uri(), request.headers(), body);
        }
        if (path.subresource() != null && NO_CONTAINERS.containsKey(path.subresource())) {
            return Future.succeededFuture(Reply.limit(
                    400,
                    "BadRequest",
                    "the simulated cluster runs no containers, so "
                            + NO_CONTAINERS.get(path.subresource())
                            + " is not available; logs, exec, attach and port-forward need a real cluster."));
        }
        String type = request.getHeader("Content-Type") == null
                ? ""
                : request.getHeader("Content-Type").toLowerCase(Locale.ROOT);
        MultiMap headers = request.headers();
        if (ProtobufBodies.isProtobuf(type) && body.length() > 0) {
            Map<String, Object> object;
            try {
                object = ProtobufBodies.decode(body.getBytes());
            } catch (IllegalArgumentException e) {
                return Future.succeededFuture(Reply.limit(415, "UnsupportedMediaType", e.getMessage()));
            }
            body = Buffer.buffer(Serialization.asJson(object));
            type = "application/json";
            headers = MultiMap.caseInsensitiveMultiMap().addAll(headers).set("Content-Type", type);
        }
        Writes.Request write = new Writes.Request(
                path,
                request.method(),
                request.uri(),
                headers,
                body,
                request.params().contains("dryRun"),
                request.getParam("fieldManager"),
                "true".equals(request.getParam("force")));
        if (HttpMethod.GET.equals(request.method())
                && path.subresource() == null
                && Tables.wanted(request.getHeader("Accept"))) {
            return mock.call(request.method(), request.uri(), request.headers(), body)
                    .map(reply -> {
                        Map<String, Object> table = reply.ok() ? tables.of(path, reply.object()) : null;
                        return table == null ? reply : Reply.json(200, table);
                    });
        }
        if ("scale".equals(path.subresource())) {
            return writes.scale(write, type);
        }
        if (HttpMethod.PATCH.equals(request.method()) && type.startsWith("application/strategic-merge-patch")) {
            return writes.strategicMerge(write);
        }
        if (HttpMethod.PATCH.equals(request.method()) && type.startsWith("application/apply-patch")) {
            return writes.apply(write);
        }
        return switch (request.method().name()) {
            case "POST" -> writes.create(write);
            case "PUT", "PATCH" -> writes.update(write);
            case "DELETE" -> writes.delete(write);
            default -> mock.call(request.method(), request.uri(), headers, body);
        };
    }

    static void write(HttpServerResponse response, Reply reply) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(reply.status());
        // the store leaves the type out; everything it answers is JSON
        response.putHeader("Content-Type", reply.contentType() == null ? "application/json" : reply.contentType());
        response.end(reply.body() == null ? Buffer.buffer() : reply.body());
    }

    @Override
    public void close() {
        if (snapshots != null) {
            try {
                snapshots.flush();
            } catch (RuntimeException e) {
                System.getLogger(ApiFront.class.getName())
                        .log(
                                System.Logger.Level.WARNING,
                                "the sandbox's last changes were not saved: " + e.getMessage());
            }
        }
        watches.close();
        try {
            server.close().await(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // stopping anyway: the store and the link close next
        }
        mock.close();
    }
}
