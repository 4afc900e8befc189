package dev.meridian.agent.http;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawH2;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP/2 streams the agent refuses for their headers are audited once each, like any other request. */
class Http2RefusedStreamTest {
    @TempDir
    static Path dir;

    static AgentHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness(b -> b.tls(new ServerTls.SelfSigned(dir.resolve("tls"), List.of())));
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static Http2Headers request() {
        Http2Headers headers = RawH2.headers()
                .method("GET")
                .scheme("https")
                .authority("127.0.0.1")
                .path("/kubernetes/cluster/api/v1/pods");
        headers.add("authorization", "Bearer " + ALICE_TOKEN);
        return headers;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uppercase", "connection", "transfer-encoding", "te", "no-path"})
    void aStreamRefusedForItsHeadersIsAuditedOnce(String fault) throws Exception {
        Http2Headers headers = request();
        switch (fault) {
            case "uppercase" -> headers.add("X-Upper", "1");
            case "connection" -> headers.add("connection", "keep-alive");
            case "transfer-encoding" -> headers.add("transfer-encoding", "chunked");
            case "te" -> headers.add("te", "gzip");
            case "no-path" -> headers.remove(":path");
            default -> {
                headers.remove(":path");
                headers.add("x-first", "1").add(":path", "/kubernetes/cluster/api");
            }
        }
        int before = h.audit.events().size();
        try (RawH2 client = new RawH2(h.agent.port())) {
            RawH2.Outcome outcome = client.send(headers);
            assertThat(outcome.status()).as("refused, not served: %s", outcome).isNotEqualTo(200);
            // The connection survives a refused stream and serves the next one.
            if (client.isOpen()) {
                assertThat(client.send(request()).status()).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            List<AuditEvent> events =
                    h.audit.events().subList(before, h.audit.events().size());
            assertThat(events)
                    .extracting(AuditEvent::responseCode)
                    .filteredOn(c -> c != 200)
                    .containsExactly(400);
            assertThat(h.inFlight()).isZero();
        });
    }
}
