package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import dev.meridian.agent.testing.RawHttp;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpgradeAndStreamingTest {
    static AgentHarness h;
    static final AtomicReference<HttpServerResponse> openWatch = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness();
        h.upstream.on("/api/v1/watch-stream", req -> {
            HttpServerResponse out = req.response().setChunked(true).putHeader("Content-Type", "application/json");
            out.write("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"first\"}}}\n");
            openWatch.set(out);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SPDY/3.1 exec            | POST | SPDY/3.1  | X-Stream-Protocol-Version: v4.channel.k8s.io",
                "WebSocket v5 channel     | GET  | websocket | Sec-WebSocket-Version: 13~Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==~Sec-WebSocket-Protocol: v5.channel.k8s.io",
                "WebSocket port-forward   | GET  | websocket | Sec-WebSocket-Version: 13~Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==~Sec-WebSocket-Protocol: v4.channel.k8s.io",
            })
    void upgradesAreSplicedByteForByteAfterTheUpstreamAnswers101(
            String name, String method, String protocol, String extra) throws Exception {
        String marker = "up" + System.nanoTime();
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send(
                            method + " /kubernetes/cluster/api/v1/namespaces/a/pods/p/exec?command=sh&m=" + marker
                                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ALICE_TOKEN
                                    + "\r\nConnection: Upgrade\r\nUpgrade: " + protocol + "\r\n"
                                    + extra.replace("~", "\r\n") + "\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).as(head).isEqualTo(101);
            assertThat(head).containsIgnoringCase("upgrade: " + protocol);
            if (protocol.equals("websocket")) {
                assertThat(head).contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
                assertThat(head).contains("Sec-WebSocket-Protocol: " + extra.substring(extra.lastIndexOf(' ') + 1));
            }
            byte[] payload = new byte[256];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) i;
            }
            String sent = new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1);
            raw.send(sent);
            assertThat(raw.readBytes(payload.length)).isEqualTo(sent);
            raw.send("second frame");
            assertThat(raw.readBytes("second frame".length())).isEqualTo("second frame");
        }
        EchoUpstream.Seen seen = h.upstream.seen().stream()
                .filter(s -> s.uri().contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(seen.headers().get("Impersonate-User")).isEqualTo("alice");
        assertThat(seen.headers().get("Authorization")).isEqualTo("Bearer " + EchoUpstream.AGENT_TOKEN);
        await().untilAsserted(() -> assertThat(
                        h.audit.events().stream().filter(e -> e.requestUri().contains(marker)))
                .singleElement()
                .satisfies(e -> assertThat(e.responseCode()).isEqualTo(101)));
    }

    @Test
    void anIdentityWithALineBreakCannotAddHeadersToAnUpgrade() throws Exception {
        h.authority.allow(
                "crlf-upgrade",
                new dev.meridian.agent.core.UserInfo(
                        "mallory",
                        "",
                        java.util.List.of("dev\r\nImpersonate-Group: system:masters"),
                        java.util.Map.of()));
        String marker = "crlf" + System.nanoTime();
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send("POST /kubernetes/cluster/api/v1/namespaces/a/pods/p/exec?m=" + marker
                            + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer crlf-upgrade\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                            + "X-Stream-Protocol-Version: v4.channel.k8s.io\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).as(head).isEqualTo(500);
        }
        assertThat(h.upstream.seen()).noneMatch(s -> s.uri().contains(marker));
    }

    @Test
    void watchEventsArriveAsTheyAreSentNotWhenTheStreamEnds() throws Exception {
        openWatch.set(null);
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send(
                            "GET /kubernetes/cluster/api/v1/watch-stream?watch=true HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                    + ALICE_TOKEN + "\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            assertThat(head).containsIgnoringCase("transfer-encoding: chunked");
            String first = readChunk(raw);
            assertThat(first).contains("\"first\"");
            await().until(() -> openWatch.get() != null);
            h.upstream
                    .vertx()
                    .runOnContext(v -> openWatch
                            .get()
                            .write("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"second\"}}}\n"));
            assertThat(readChunk(raw)).contains("\"second\"");
            CompletableFuture<Void> ended = new CompletableFuture<>();
            h.upstream.vertx().runOnContext(v -> openWatch.get().end().onComplete(ar -> ended.complete(null)));
            assertThat(raw.readHead()).startsWith("0\r\n");
        }
    }

    private static String readChunk(RawHttp raw) throws Exception {
        String sizeLine = raw.readLine();
        int size = Integer.parseInt(sizeLine.trim(), 16);
        String data = raw.readBytes(size);
        raw.readBytes(2);
        return data;
    }
}
