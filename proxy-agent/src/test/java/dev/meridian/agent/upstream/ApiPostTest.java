package dev.meridian.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.agent.core.EventLoops;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent's own calls: JSON POSTs on the upstream's keep-alive connections, on the agent's event loops. */
class ApiPostTest {
    private static final Vertx vertx = Vertx.vertx();
    private static final EventLoops loops = new EventLoops(1);
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static Upstream upstream;

    @BeforeAll
    static void start() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(req -> {
                    if (req.path().endsWith("/silent")) {
                        return;
                    }
                    req.body().onSuccess(body -> {
                        seen.add(req.method() + " " + req.uri() + " " + req.getHeader("Authorization") + " "
                                + req.getHeader("Content-Type") + " " + body + " "
                                + req.connection().remoteAddress());
                        req.response().setStatusCode(201).end("{\"ok\":true}");
                    });
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        upstream = new UpstreamFactory(loops, Duration.ofSeconds(30))
                .create(
                        "test",
                        new ClusterEndpoint(
                                URI.create("http://127.0.0.1:" + server.actualPort() + "/base"),
                                null,
                                null,
                                null,
                                "agent-token",
                                null));
    }

    @AfterAll
    static void stop() {
        upstream.close();
        loops.close();
        vertx.close();
    }

    @Test
    void postsJsonWithTheAgentsTokenUnderTheBasePathOnOneKeptConnection() throws Exception {
        seen.clear();
        for (int i = 0; i < 2; i++) {
            ApiPost.Answer answer = ApiPost.send(upstream, "/apis/x", "{\"n\":" + i + "}", Duration.ofSeconds(5))
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("POST /base/apis/x Bearer agent-token application/json {\"n\":0} ");
        String firstPeer = seen.get(0).substring(seen.get(0).lastIndexOf(' '));
        assertThat(seen.get(1))
                .as("the second call reuses the first one's connection")
                .endsWith(firstPeer);
    }

    @Test
    void failsWithATimeoutWhenNoAnswerComes() {
        assertThatThrownBy(() -> ApiPost.send(upstream, "/silent", "{}", Duration.ofMillis(300))
                        .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void completesOnTheCallersEventLoopWhenItRunsOnOne() throws Exception {
        io.netty.channel.EventLoop loop = loops.loops().next();
        Thread caller = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        Thread completedOn = loop.submit(() -> ApiPost.send(upstream, "/apis/x", "{}", Duration.ofSeconds(5))
                        .thenApply(a -> Thread.currentThread()))
                .get(5, TimeUnit.SECONDS)
                .get(10, TimeUnit.SECONDS);
        assertThat(completedOn).isSameAs(caller);
    }
}
