package dev.meridian.agent.http;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.config.ClientLimits;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What one client may hold of the agent: time to send a head, idle connections, connections, upstream calls. */
class ClientLimitsTest {
    private static AgentHarness agent(ClientLimits limits) throws Exception {
        return new AgentHarness(b -> b.clientLimits(limits));
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + ALICE_TOKEN + "\r\n\r\n";
    }

    /** Whether the agent closed the connection: end of stream (or a reset) before {@code within}. */
    private static boolean closedWithin(RawHttp c, Duration within) throws IOException {
        c.soTimeout((int) within.toMillis());
        try {
            return c.readHead().isEmpty();
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    void aHalfSentHeadIsDroppedAfterTheHeadTimeoutWhileAnIdleConnectionStays() throws Exception {
        try (AgentHarness h = agent(new ClientLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), 100, 100, 100));
                RawHttp slow = new RawHttp(h.agent.port());
                RawHttp idle = new RawHttp(h.agent.port())) {
            long start = System.nanoTime();
            slow.send("GET /kubernetes/cluster/api HTTP/1.1\r\nHost: a\r\nX-Slow: ");
            assertThat(closedWithin(slow, Duration.ofSeconds(5)))
                    .as("a half-sent head is dropped")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
            // The idle one sent nothing: the head timeout does not apply, and it still serves a request.
            idle.send(get("/kubernetes/cluster/api"));
            assertThat(RawHttp.status(idle.readHead())).isEqualTo(200);
        }
    }

    @Test
    void aHalfSentHeadAfterAnAnsweredRequestIsDroppedAfterTheHeadTimeout() throws Exception {
        // The timer of a keep-alive connection is armed by its first request and moved on, not
        // re-armed per request: the second head must still get no more than its own timeout.
        try (AgentHarness h = agent(new ClientLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), 100, 100, 100));
                RawHttp c = new RawHttp(h.agent.port())) {
            answered(c, get("/kubernetes/cluster/api"));
            long start = System.nanoTime();
            c.send("GET /kubernetes/cluster/api HTTP/1.1\r\nHost: a\r\nX-Slow: ");
            assertThat(closedWithin(c, Duration.ofSeconds(5)))
                    .as("a half-sent second head is dropped")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        }
    }

    @Test
    void aKeepAliveConnectionBusyForLongerThanTheHeadTimeoutStaysOpen() throws Exception {
        try (AgentHarness h = agent(new ClientLimits(Duration.ofMillis(500), Duration.ofSeconds(30), 100, 100, 100));
                RawHttp c = new RawHttp(h.agent.port())) {
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            int served = 0;
            while (System.nanoTime() < end) {
                answered(c, get("/kubernetes/cluster/api"));
                served++;
            }
            assertThat(served)
                    .as("requests answered on one connection for three head timeouts")
                    .isGreaterThan(3);
        }
    }

    /** Sends {@code request} and reads its whole answer, which must be a 200. */
    private static void answered(RawHttp c, String request) throws IOException {
        c.send(request);
        String head = c.readHead();
        assertThat(RawHttp.status(head)).isEqualTo(200);
        c.readBytes(Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1")));
    }

    @Test
    void anIdleKeepAliveConnectionClosesAfterTheClientIdleTimeout() throws Exception {
        try (AgentHarness h = agent(new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(1), 100, 100, 100));
                RawHttp c = new RawHttp(h.agent.port())) {
            c.send(get("/kubernetes/cluster/api"));
            String head = c.readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            c.readBytes(Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1")));
            assertThat(closedWithin(c, Duration.ofSeconds(5)))
                    .as("an idle connection is closed")
                    .isTrue();
        }
    }

    @Test
    void pastThePerClientCapOnlyHealthIsServedAndTheSlotComesBackWhenAConnectionCloses() throws Exception {
        try (AgentHarness h = agent(new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 100, 3, 100))) {
            List<RawHttp> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(new RawHttp(h.agent.port()));
                }
                await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                    try (RawHttp over = new RawHttp(h.agent.port())) {
                        over.send(get("/kubernetes/cluster/api"));
                        String head = over.readHead();
                        assertThat(RawHttp.status(head)).isEqualTo(503);
                        assertThat(head)
                                .containsIgnoringCase("connection: close")
                                .containsIgnoringCase("retry-after");
                    }
                });
                for (String health : List.of("/healthz", "/readyz")) {
                    try (RawHttp probe = new RawHttp(h.agent.port())) {
                        probe.send("GET " + health + " HTTP/1.1\r\nHost: a\r\n\r\n");
                        assertThat(RawHttp.status(probe.readHead()))
                                .as("%s at the cap", health)
                                .isEqualTo(200);
                    }
                }
                held.remove(0).close();
                await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                    try (RawHttp again = new RawHttp(h.agent.port())) {
                        again.send(get("/kubernetes/cluster/api"));
                        assertThat(RawHttp.status(again.readHead())).isEqualTo(200);
                    }
                });
            } finally {
                for (RawHttp c : held) {
                    c.close();
                }
            }
            await().atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(h.audit.events())
                            .extracting(AuditEvent::responseCode)
                            .contains(503, 200));
        }
    }

    @Test
    void upstreamConnectionsPerUserAreBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AgentHarness h = agent(new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 100, 100, 3))) {
            // A watch-like route that answers only when told to: each request holds its API-server connection.
            h.upstream.on(
                    "/api/v1/pods",
                    req -> h.upstream
                            .vertx()
                            .executeBlocking(() -> release.await(20, TimeUnit.SECONDS))
                            .onComplete(x -> req.response().end("{}")));
            List<CompletableFuture<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(h.http()
                        .sendAsync(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                h.base() + "/kubernetes/cluster/api/v1/pods?i=" + i))
                                        .header("Authorization", "Bearer " + ALICE_TOKEN)
                                        .timeout(Duration.ofSeconds(20))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            calls.stream().filter(CompletableFuture::isDone).count() == 3);
            assertThat(calls.stream()
                            .filter(CompletableFuture::isDone)
                            .map(CompletableFuture::join)
                            .map(java.net.http.HttpResponse::statusCode))
                    .containsOnly(429);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(h.upstream.seen().stream()
                                    .filter(s -> s.uri().startsWith("/api/v1/pods")))
                            .hasSize(3));
            // Counted per user: another user on the same address is not held back.
            h.authority.allow("bob-token", dev.meridian.agent.core.UserInfo.of("bob", "dev"));
            assertThat(h.get("/kubernetes/cluster/api", "Authorization", "Bearer bob-token")
                            .statusCode())
                    .isEqualTo(200);
            release.countDown();
            for (CompletableFuture<java.net.http.HttpResponse<String>> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 429);
            }
            // Given back: the next request goes through.
            assertThat(h.get("/kubernetes/cluster/api/v1/pods", "Authorization", "Bearer " + ALICE_TOKEN)
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
