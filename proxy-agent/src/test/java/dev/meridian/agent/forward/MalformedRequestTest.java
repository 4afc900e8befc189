package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose framing fails, before or after they were forwarded: each is answered (or cut),
 * audited once, closes its connection, and lets go of its upstream connection at once.
 */
class MalformedRequestTest {
    static AgentHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static String post(String path, String transferEncoding) {
        return path + " HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + ALICE_TOKEN + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: " + transferEncoding + "\r\n\r\n";
    }

    @Test
    void aFloodOfMalformedChunkedBodiesLeavesNothingHeldAndEveryRequestAudited() throws Exception {
        String[] bodies = {
            "5\r\nhello\r\nzz\r\n", // a chunk size that is not hex
            "5\r\nhelloEXTRA\r\n0\r\n\r\n", // chunk data longer than its size
            "4\r\n{\"a\"\r\nffffffffffffffffff\r\n", // a chunk size that overflows
        };
        String[] heads = {
            "POST /kubernetes/cluster/api/v1/namespaces/default/configmaps", "GET /kubernetes/cluster/api/v1/pods"
        };
        int auditBefore = h.audit.events().size();
        int openBefore = h.upstream.openConnections();
        int floods = 60;
        List<RawHttp> clients = new ArrayList<>();
        try {
            for (int i = 0; i < floods; i++) {
                RawHttp c = new RawHttp(h.agent.port());
                clients.add(c);
                c.send(post(heads[i % heads.length], "chunked") + bodies[i % bodies.length]);
            }
            for (RawHttp c : clients) {
                String head = c.readHead();
                assertThat(RawHttp.status(head))
                        .as("answer to a malformed body: %s", head)
                        .isEqualTo(400);
                assertThat(head).containsIgnoringCase("connection: close");
            }
        } finally {
            for (RawHttp c : clients) {
                c.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(h.inFlight()).as("requests in flight after the flood").isZero();
            assertThat(h.upstream.openConnections())
                    .as("API-server connections after the flood")
                    .isLessThanOrEqualTo(openBefore);
            assertThat(h.audit.events().size() - auditBefore)
                    .as("audit events for %d requests", floods)
                    .isEqualTo(floods);
        });
        assertThat(h.audit.events().subList(auditBefore, auditBefore + floods))
                .extracting(AuditEvent::responseCode)
                .containsOnly(400);
    }

    @Test
    void aClientThatStopsSendingItsBodyHasItsRequestAbortedAfterTheIdleTimeout() throws Exception {
        try (AgentHarness quick = new AgentHarness(b -> b.clientLimits(new dev.meridian.agent.config.ClientLimits(
                        Duration.ofSeconds(30), Duration.ofSeconds(1), 100, 100, 100)));
                RawHttp c = new RawHttp(quick.agent.port())) {
            c.send(post("PUT /kubernetes/cluster/api/v1/namespaces/default/configmaps/x", "chunked") + "5\r\nhel");
            long start = System.nanoTime();
            String head = c.readHead();
            assertThat(RawHttp.status(head)).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(quick.inFlight()).isZero();
                assertThat(quick.upstream.openConnections()).isZero();
                assertThat(quick.audit.events())
                        .extracting(AuditEvent::responseCode)
                        .containsExactly(408);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "OPTIONS /kubernetes/cluster/api",
                "GET /healthz",
                "GET /readyz",
                "GET /nowhere",
                "POST /kubernetes/cluster/api/v1/namespaces/default/configmaps"
            })
    void contentLengthWithTransferEncodingIsRefusedAndTheConnectionClosedOnEveryPath(String requestLine)
            throws Exception {
        int auditBefore = h.audit.events().size();
        int seenBefore = h.upstream.seen().size();
        try (RawHttp c = new RawHttp(h.agent.port())) {
            // The second request would be smuggled if the agent read the body by one header and a front proxy by the
            // other.
            c.send(requestLine + " HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + ALICE_TOKEN + "\r\n"
                    + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
            String head = c.readHead();
            assertThat(RawHttp.status(head)).isEqualTo(400);
            assertThat(head).containsIgnoringCase("connection: close");
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
            c.readBytes(length);
            assertThat(c.readHead())
                    .as("nothing after the refused request is served")
                    .isEmpty();
        }
        assertThat(h.upstream.seen()).hasSize(seenBefore);
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(h.audit
                                .events()
                                .subList(auditBefore, h.audit.events().size()))
                        .extracting(AuditEvent::responseCode)
                        .containsExactly(400));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 414, 431})
    void aRequestTheParserRefusesIsAnsweredAuditedOnceAndClosed(int expected) throws Exception {
        String request = switch (expected) {
            case 414 -> "GET /kubernetes/cluster/api?" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: a\r\n\r\n";
            case 431 -> "GET /kubernetes/cluster/api HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n";
            default -> "GET /kubernetes/cluster/api HTTP/1.1\r\nHost: a\r\nBad Header Name: x\r\n\r\n";
        };
        int auditBefore = h.audit.events().size();
        try (RawHttp c = new RawHttp(h.agent.port())) {
            c.send(request);
            String head = readHeadOrReset(c);
            assertThat(RawHttp.status(head)).isEqualTo(expected);
            assertThat(head).containsIgnoringCase("connection: close");
        }
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(h.audit
                                .events()
                                .subList(auditBefore, h.audit.events().size()))
                        .extracting(AuditEvent::responseCode)
                        .containsExactly(expected));
    }

    @Test
    void aClientGoneWhileItsTokenIsReviewedLeavesNoUpstreamCallBehind() throws Exception {
        try (AgentHarness slow = new AgentHarness()) {
            slow.authority.delayMillis = 500;
            int openBefore = slow.upstream.openConnections();
            for (int i = 0; i < 5; i++) {
                try (RawHttp c = new RawHttp(slow.agent.port())) {
                    c.send("GET /kubernetes/cluster/api/v1/pods?watch=true&i=" + i + " HTTP/1.1\r\nHost: a\r\n"
                            + "Authorization: Bearer " + ALICE_TOKEN + i + "\r\n\r\n");
                }
            }
            slow.authority.allow(ALICE_TOKEN + "0", AgentHarness.ALICE);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(slow.audit.events()).hasSize(5);
                assertThat(slow.inFlight()).isZero();
                assertThat(slow.upstream.openConnections()).isLessThanOrEqualTo(openBefore);
            });
            assertThat(slow.audit.events()).extracting(AuditEvent::responseCode).containsOnly(499, 401);
        }
    }

    private static String readHeadOrReset(RawHttp c) throws IOException {
        return c.readHead();
    }
}
