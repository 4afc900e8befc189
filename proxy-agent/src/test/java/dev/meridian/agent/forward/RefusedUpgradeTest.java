package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawHttp;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An upgrade the API server refuses (a user without pods/exec) reaches the client as that
 * refusal, whole and at once, over the TLS connection to the API server: kubectl prints
 * Forbidden instead of hanging.
 */
class RefusedUpgradeTest {
    static final String FORBIDDEN = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"message\":\"pods \\\"p\\\" is forbidden: User \\\"alice\\\" cannot create resource \\\"pods/exec\\\"\","
            + "\"reason\":\"Forbidden\",\"code\":403}";
    AgentHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new AgentHarness();
        // Warm: the first request pays for the token review and the first TLS handshake.
        assertThat(h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN)
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content-length", "chunked", "chunked-in-pieces", "until-close"})
    void aRefusedExecIsAnsweredWholeWithinASecond(String framing) throws Exception {
        h.upstream.refuseUpgrades(req -> {
            HttpServerResponse r = req.response().setStatusCode(403).putHeader("Content-Type", "application/json");
            switch (framing) {
                case "chunked" -> r.setChunked(true).end(FORBIDDEN);
                case "chunked-in-pieces" -> {
                    r.setChunked(true).write(FORBIDDEN.substring(0, 40));
                    h.upstream.vertx().setTimer(100, t -> r.end(FORBIDDEN.substring(40)));
                }
                case "until-close" -> {
                    // HTTP/1.0-style: no length, the body ends with the connection.
                    r.putHeader("Connection", "close").setChunked(false);
                    req.connection().close();
                    return;
                }
                default -> r.end(FORBIDDEN);
            }
        });
        int openBefore = h.upstream.openConnections();
        try (RawHttp c = new RawHttp(h.agent.port())) {
            long start = System.nanoTime();
            c.send("POST /kubernetes/cluster/api/v1/namespaces/default/pods/p/exec?command=ls&stdout=true HTTP/1.1\r\n"
                    + "Host: a\r\nAuthorization: Bearer " + ALICE_TOKEN
                    + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                    + "X-Stream-Protocol-Version: v4.channel.k8s.io\r\nContent-Length: 0\r\n\r\n");
            String head = c.readHead();
            assertThat(RawHttp.status(head)).isEqualTo("until-close".equals(framing) ? 502 : 403);
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
            String body = c.readBytes(length);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("time to the whole refusal")
                    .isLessThan(Duration.ofSeconds(1));
            if (!"until-close".equals(framing)) {
                assertThat(body).isEqualTo(FORBIDDEN);
                assertThat(head).doesNotContainIgnoringCase("transfer-encoding");
            }
        }
        int expected = "until-close".equals(framing) ? 502 : 403;
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(h.inFlight()).isZero();
            assertThat(h.upstream.openConnections()).isLessThanOrEqualTo(openBefore);
            assertThat(h.audit.events()).extracting(AuditEvent::responseCode).containsExactly(200, expected);
        });
    }
}
