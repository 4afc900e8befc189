package dev.meridian.agent.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TLS upstream that records every request it receives and answers with a JSON echo of it;
 * paths can be given their own handlers (upgrade requests too, to refuse them); other Upgrade
 * requests get a 101 and then every byte is echoed back on the raw connection.
 */
public final class EchoUpstream implements AutoCloseable {
    public static final String AGENT_TOKEN = "agent-sa-token";

    /** What the upstream saw of one request. */
    public record Seen(String method, String uri, MultiMap headers, String body) {}

    private final Vertx vertx = Vertx.vertx();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger connections =
            new java.util.concurrent.atomic.AtomicInteger();
    /** Each open connection and the requests in progress on it; an upgraded connection stays busy until it closes. */
    private final Map<HttpConnection, AtomicInteger> open = new ConcurrentHashMap<>();
    /** When set, upgrades are answered with this instead of 101. */
    private volatile Handler<HttpServerRequest> upgradeRefusal;

    public EchoUpstream() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions()
                        .setSsl(true)
                        .setKeyCertOptions(TestTls.keyCert())
                        .setHandle100ContinueAutomatically(true))
                .requestHandler(this::handle)
                .connectionHandler(this::opened)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public EchoUpstream on(String path, Handler<HttpServerRequest> handler) {
        routes.put(path, handler);
        return this;
    }

    private void opened(HttpConnection connection) {
        connections.incrementAndGet();
        open.put(connection, new AtomicInteger());
        connection.closeHandler(v -> open.remove(connection));
    }

    private void handle(HttpServerRequest req) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
        AtomicInteger inProgress = open.getOrDefault(req.connection(), new AtomicInteger());
        inProgress.incrementAndGet();
        Handler<HttpServerRequest> custom = routes.get(req.path());
        if (custom == null && req.headers().contains("Upgrade")) {
            // Busy until the connection closes: a relay left open by the agent shows as a busy connection.
            seen.add(new Seen(req.method().name(), req.uri(), headers, ""));
            Handler<HttpServerRequest> refusal = upgradeRefusal;
            if (refusal != null) {
                refusal.handle(req);
                return;
            }
            HttpConnection connection = req.connection();
            upgrade(req, () -> open.remove(connection));
            return;
        }
        AtomicBoolean ended = new AtomicBoolean();
        Handler<Void> end = v -> {
            if (ended.compareAndSet(false, true)) {
                inProgress.decrementAndGet();
            }
        };
        req.response().endHandler(end).closeHandler(end);
        if (custom != null) {
            seen.add(new Seen(req.method().name(), req.uri(), headers, ""));
            custom.handle(req);
            return;
        }
        req.body().onSuccess(body -> {
            seen.add(new Seen(req.method().name(), req.uri(), headers, body.toString()));
            req.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", "echo")
                    .end(new JsonObject()
                            .put("uri", req.uri())
                            .put("bodyLength", body.length())
                            .encode());
        });
    }

    /** {@code closed} runs when the upgraded connection closes (the HTTP connection's own close handler no longer does). */
    private static void upgrade(HttpServerRequest req, Runnable closed) {
        String protocol = req.getHeader("Upgrade");
        req.response().setStatusCode(101).putHeader("Upgrade", protocol).putHeader("Connection", "Upgrade");
        String key = req.getHeader("Sec-WebSocket-Key");
        if (key != null) {
            req.response().putHeader("Sec-WebSocket-Accept", websocketAccept(key));
            String sub = req.getHeader("Sec-WebSocket-Protocol");
            if (sub != null) {
                req.response().putHeader("Sec-WebSocket-Protocol", sub.split(",")[0].trim());
            }
        }
        if (req.getHeader("X-Stream-Protocol-Version") != null) {
            req.response().putHeader("X-Stream-Protocol-Version", req.getHeader("X-Stream-Protocol-Version"));
        }
        ConnectionTakeover.toNetSocket(req)
                .onSuccess(socket -> socket.handler(socket::write).closeHandler(v -> closed.run()));
    }

    static String websocketAccept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes());
            return Base64.getEncoder().encodeToString(sha1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public Seen last() {
        return seen.get(seen.size() - 1);
    }

    /** Answers upgrades with {@code refusal} (a 403 for a user without pods/exec, say) instead of switching protocols. */
    public EchoUpstream refuseUpgrades(Handler<HttpServerRequest> refusal) {
        this.upgradeRefusal = refusal;
        return this;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections open now, idle or not. */
    public int openConnections() {
        return open.size();
    }

    /** Open connections with a request in progress (not yet answered in full) or an upgrade relayed. */
    public int busyConnections() {
        return (int) open.values().stream().filter(n -> n.get() > 0).count();
    }

    /**
     * Closes every connection with nothing in progress, as an API server drops idle keep-alive
     * connections; what stays open afterwards is held by a request or an upgrade.
     */
    public void closeIdleConnections() {
        open.forEach((connection, inProgress) -> {
            if (inProgress.get() == 0) {
                connection.close();
            }
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + port())
                .withCaCertData(Base64.getEncoder()
                        .encodeToString(TestTls.LOCALHOST.caCertificatePem().getBytes()))
                .withOauthToken(AGENT_TOKEN)
                .build();
    }

    @Override
    public void close()
            throws java.io.IOException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        try {
            closeAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeAll()
            throws java.io.IOException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException,
                    InterruptedException {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
