package dev.meridian.agent.testing;

import dev.meridian.agent.core.UserInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server that only answers TokenReviews, over TLS: known tokens are authenticated with
 * their user, others are not. Counts calls and records the credentials it was called with.
 */
public final class FakeAuthority implements AutoCloseable {
    public static final String AUTHORITY_TOKEN = "authority-sa-token";

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, UserInfo> users = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server;
    public volatile String lastAuthorization;
    /** How long each review takes to answer (a slow authority). */
    public volatile long delayMillis;

    public FakeAuthority() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(TestTls.keyCert()))
                .requestHandler(req -> req.body().onSuccess(body -> {
                    if (!req.path().equals("/apis/authentication.k8s.io/v1/tokenreviews")) {
                        req.response().setStatusCode(404).end();
                        return;
                    }
                    calls.incrementAndGet();
                    lastAuthorization = req.getHeader("Authorization");
                    JsonObject review = body.toJsonObject();
                    String token = review.getJsonObject("spec").getString("token");
                    UserInfo user = users.get(token);
                    JsonObject status = new JsonObject().put("authenticated", user != null);
                    if (user != null) {
                        JsonObject extra = new JsonObject();
                        user.extra().forEach((k, v) -> extra.put(k, new JsonArray(v)));
                        JsonObject u = new JsonObject()
                                .put("username", user.username())
                                .put("groups", new JsonArray(user.groups()))
                                .put("extra", extra);
                        if (user.uid() != null) {
                            u.put("uid", user.uid());
                        }
                        status.put("user", u);
                    } else {
                        status.put("error", "invalid bearer token");
                    }
                    String answer = review.put("status", status).encode();
                    if (delayMillis > 0) {
                        vertx.setTimer(
                                delayMillis,
                                t -> req.response()
                                        .putHeader("Content-Type", "application/json")
                                        .setStatusCode(201)
                                        .end(answer));
                    } else {
                        req.response()
                                .putHeader("Content-Type", "application/json")
                                .setStatusCode(201)
                                .end(answer);
                    }
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public FakeAuthority allow(String token, UserInfo user) {
        users.put(token, user);
        return this;
    }

    public int calls() {
        return calls.get();
    }

    public int port() {
        return server.actualPort();
    }

    public Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + port())
                .withCaCertData(Base64.getEncoder()
                        .encodeToString(TestTls.LOCALHOST.caCertificatePem().getBytes()))
                .withOauthToken(AUTHORITY_TOKEN)
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
