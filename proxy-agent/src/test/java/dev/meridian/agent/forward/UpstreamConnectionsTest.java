package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connections proxied requests travel on: kept alive and reused, replaced when the API
 * server closed one while it waited, cut when the API server falls silent or a request outlives
 * its limit, closed when either side goes away mid-answer; bodies stream both ways.
 */
class UpstreamConnectionsTest {
    private static final String AUTH = "Authorization: Bearer " + ALICE_TOKEN + "\r\n";
    private static AgentHarness h;
    /** Upstream connections that have answered /close-on-reuse once; a second request there is cut. */
    private static final Set<HttpConnection> served = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness(b -> b.idleTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(3)));
        h.upstream
                .on("/api/v1/close-on-reuse", req -> {
                    if (!served.add(req.connection())) {
                        req.connection().close();
                    } else {
                        req.response().end("answered");
                    }
                })
                .on("/api/v1/stall", req -> {})
                .on("/api/v1/drip", req -> {
                    req.response().setChunked(true).write("{}\n");
                    long timer = h.upstream
                            .vertx()
                            .setPeriodic(100, id -> req.response().write("{}\n"));
                    req.connection().closeHandler(v -> h.upstream.vertx().cancelTimer(timer));
                })
                .on("/api/v1/large", req -> {
                    // 20 MB in 64 KiB chunks, written only as fast as the agent takes them.
                    req.response().setChunked(true);
                    writeLarge(req.response(), 0);
                })
                .on("/api/v1/refuse-early", req -> {
                    // Reads none of the body, so the agent's side backs up and it pauses the client.
                    req.pause();
                    h.upstream
                            .vertx()
                            .setTimer(
                                    500, id -> req.response().setStatusCode(413).end("too large"));
                })
                .on("/api/v1/die-midway", req -> {
                    req.response().putHeader("Content-Length", "100000").write(Buffer.buffer(new byte[30_000]));
                    h.upstream.vertx().setTimer(100, id -> req.connection().close());
                });
    }

    private static final int LARGE_CHUNKS = 320;

    private static byte[] largeChunk(int i) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ('a' + i % 26));
        return chunk;
    }

    private static void writeLarge(io.vertx.core.http.HttpServerResponse out, int i) {
        while (i < LARGE_CHUNKS && !out.writeQueueFull()) {
            out.write(Buffer.buffer(largeChunk(i++)));
        }
        if (i == LARGE_CHUNKS) {
            out.end();
        } else {
            int next = i;
            out.drainHandler(v -> writeLarge(out, next));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void sequentialRequestsShareOneKeptAliveConnection() throws Exception {
        int before = h.upstream.connections();
        for (int i = 0; i < 30; i++) {
            assertThat(h.get("/kubernetes/cluster/api/v1/namespaces?i=" + i, "Authorization", "Bearer " + ALICE_TOKEN)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(h.upstream.connections() - before)
                .as("connections opened for 30 requests")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aKeptConnectionTheApiServerClosedIsReplacedWithoutAnError() throws Exception {
        HttpResponse<String> first =
                h.get("/kubernetes/cluster/api/v1/close-on-reuse", "Authorization", "Bearer " + ALICE_TOKEN);
        assertThat(first.body()).isEqualTo("answered");
        int before = h.upstream.connections();
        // Goes out on the kept connection, which the API server closes instead of answering.
        HttpResponse<String> second =
                h.get("/kubernetes/cluster/api/v1/close-on-reuse", "Authorization", "Bearer " + ALICE_TOKEN);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("answered");
        assertThat(h.upstream.connections() - before)
                .as("a fresh connection replaced the closed one")
                .isEqualTo(1);
    }

    @Test
    void anApiServerThatFallsSilentIsCutAfterTheIdleTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r =
                h.get("/kubernetes/cluster/api/v1/stall?marker=idle", "Authorization", "Bearer " + ALICE_TOKEN);
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("\"kind\":\"Status\"").contains("\"reason\":\"Timeout\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        await().untilAsserted(() -> assertThat(
                        h.audit.events().stream().filter(e -> e.requestUri().contains("marker=idle")))
                .singleElement()
                .satisfies(e -> assertThat(e.responseCode()).isEqualTo(504)));
    }

    @Test
    void aStreamThatOutlivesTheRequestLimitIsCutMidway() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send(
                            "GET /kubernetes/cluster/api/v1/drip?watch=true HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            String rest = readToEnd(raw);
            assertThat(rest).as("events flowed until the limit").contains("{}");
            assertThat(rest).as("the stream was cut, not ended").doesNotEndWith("0\r\n\r\n");
        }
    }

    @Test
    void aStreamOnAKeptConnectionIsCutAtItsOwnLimit() throws Exception {
        // An API-server connection's lifetime timer is armed by the first request it carries and
        // moved on from there: a later request on it must get its whole limit (3 s), no less.
        assertThat(h.get("/kubernetes/cluster/api/v1/namespaces?first", "Authorization", "Bearer " + ALICE_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        // The client's own pace (below the 1 s upstream idle limit, so the connection is kept).
        Thread.sleep(800);
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            long start = System.nanoTime();
            String head = raw.send(
                            "GET /kubernetes/cluster/api/v1/drip?watch=true HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            assertThat(readToEnd(raw)).as("the stream was cut, not ended").doesNotEndWith("0\r\n\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(2700), Duration.ofSeconds(6));
        }
    }

    @Test
    void anAnswerCutOffByTheApiServerIsCutOffForTheClientToo() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send("GET /kubernetes/cluster/api/v1/die-midway HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            assertThat(head).containsIgnoringCase("content-length: 100000");
            assertThat(readToEnd(raw).length())
                    .as("bytes before the connection closed")
                    .isEqualTo(30_000);
        }
    }

    @Test
    void aClientThatGoesAwayClosesTheApiServerConnectionAtOnce() throws Exception {
        CompletableFuture<Void> upstreamClosed = new CompletableFuture<>();
        try (AgentHarness patient = new AgentHarness()) {
            patient.upstream.on("/api/v1/forever", req -> {
                req.response().setChunked(true).write("{}\n");
                req.connection().closeHandler(v -> upstreamClosed.complete(null));
            });
            try (RawHttp raw = new RawHttp(patient.agent.port())) {
                String head = raw.send("GET /kubernetes/cluster/api/v1/forever?watch=true HTTP/1.1\r\nHost: x\r\n"
                                + AUTH + "\r\n")
                        .readHead();
                assertThat(RawHttp.status(head)).isEqualTo(200);
            }
            // The agent's idle and request limits are 12 h here: only the client's leaving can close it.
            upstreamClosed.get(10, TimeUnit.SECONDS);
            await().untilAsserted(() -> assertThat(patient.audit.events().stream()
                            .filter(e -> e.requestUri().contains("forever")))
                    .singleElement()
                    .satisfies(e -> assertThat(e.responseCode()).isEqualTo(200)));
        }
    }

    @Test
    void aLargeUploadOfUnknownLengthStreamsThroughIntact() throws Exception {
        byte[] body = new byte[20 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        HttpResponse<String> r = h.send(
                HttpRequest.newBuilder(URI.create(h.base() + "/kubernetes/cluster/api/v1/namespaces/a/configmaps"))
                        .header("Authorization", "Bearer " + ALICE_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"bodyLength\":" + body.length);
        assertThat(h.upstream.last().headers().get("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(h.upstream.last().body()).isEqualTo(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void aLargeAnswerStreamsThroughIntactAndInOrder() throws Exception {
        java.security.MessageDigest expected = java.security.MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < LARGE_CHUNKS; i++) {
            expected.update(largeChunk(i));
        }
        HttpResponse<InputStream> r = h.http()
                .send(
                        HttpRequest.newBuilder(URI.create(h.base() + "/kubernetes/cluster/api/v1/large"))
                                .header("Authorization", "Bearer " + ALICE_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        java.security.MessageDigest seen = java.security.MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; total += n) {
                seen.update(buf, 0, n);
                if (total < 4 * 1024 * 1024) {
                    Thread.sleep(
                            0,
                            100_000); // a slow reader at first, so the answer queues up in the agent and the API server
                    // waits
                }
            }
        }
        assertThat(total).isEqualTo((long) LARGE_CHUNKS * 64 * 1024);
        assertThat(seen.digest()).isEqualTo(expected.digest());
    }

    @Test
    void anIdentityThatCannotTravelAsAHeaderIsRefusedNotSent() throws Exception {
        h.authority.allow(
                "crlf-token",
                new dev.meridian.agent.core.UserInfo(
                        "mallory", "", List.of("dev\r\nImpersonate-Group: system:masters"), java.util.Map.of()));
        HttpResponse<String> r =
                h.get("/kubernetes/cluster/api/v1/namespaces?marker=crlf", "Authorization", "Bearer crlf-token");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("\"kind\":\"Status\"").contains("cannot be forwarded");
        assertThat(h.upstream.seen()).noneMatch(s -> s.uri().contains("marker=crlf"));
    }

    @Test
    void aClientAnsweredBeforeItsBodyEndsCanFinishSendingAndGoOn() throws Exception {
        int length = 16 * 1024 * 1024;
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send("POST /kubernetes/cluster/api/v1/refuse-early HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Length: "
                    + length + "\r\n\r\n");
            // More than the socket buffers hold, so the agent pauses the client before the answer.
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    raw.send("x".repeat(length));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(RawHttp.status(raw.readHead())).isEqualTo(413);
            raw.readBytes("too large".length());
            sent.get(20, TimeUnit.SECONDS);
            String next = raw.send("GET /kubernetes/cluster/api/v1/namespaces?after=early HTTP/1.1\r\nHost: x\r\n"
                            + AUTH + "\r\n")
                    .readHead();
            assertThat(RawHttp.status(next)).isEqualTo(200);
        }
    }

    @Test
    void aClientExpectingContinueGetsItFromTheApiServer() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send("POST /kubernetes/cluster/api/v1/namespaces HTTP/1.1\r\nHost: x\r\n" + AUTH
                    + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(RawHttp.status(raw.readHead())).isEqualTo(100);
            String head = raw.send("hello").readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
        }
        assertThat(h.upstream.last().body()).isEqualTo("hello");
    }

    @Test
    void concurrentRequestsSpreadOverSeveralEventLoopsAreAllAnswered() throws Exception {
        // Client connections land on different loops, each with its own upstream connections;
        // the server writes in strict thread mode, where a write from a foreign thread fails.
        try (AgentHarness loops = new AgentHarness(b -> b.eventLoops(4))) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build();
            List<CompletableFuture<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(client.sendAsync(
                        HttpRequest.newBuilder(
                                        URI.create(loops.base() + "/kubernetes/cluster/api/v1/namespaces?i=" + i))
                                .header("Authorization", "Bearer " + ALICE_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            await().untilAsserted(() -> assertThat(loops.audit.events())
                    .hasSize(64)
                    .allSatisfy(e -> assertThat(e.responseCode()).isEqualTo(200)));
        }
    }

    private static String readToEnd(RawHttp raw) throws Exception {
        StringBuilder all = new StringBuilder();
        try {
            String chunk;
            while (!(chunk = raw.readBytes(1)).isEmpty()) {
                all.append(chunk);
            }
        } catch (java.net.SocketException reset) {
            // a reset ends the stream as well as a close does
        }
        return all.toString();
    }
}
