package dev.meridian.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.core.UserInfo;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesAuditSinkTest {

    @Test
    void writesOneJsonLinePerEvent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesAuditSink sink = new JsonLinesAuditSink(new StreamLineWriter(out));
        for (int i = 0; i < 3; i++) {
            sink.record(new AuditEvent(
                    "id-" + i,
                    "/api/v1/namespaces?limit=500",
                    RequestInfo.of("GET", "/api/v1/namespaces", "limit=500"),
                    UserInfo.of("alice", "dev"),
                    null,
                    List.of("10.0.0.1"),
                    "kubectl",
                    200,
                    Instant.now(),
                    Instant.now()));
        }
        sink.close();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        JsonObject first = new JsonObject(lines.get(0));
        assertThat(first.getString("auditID")).isEqualTo("id-0");
        assertThat(first.getString("verb")).isEqualTo("list");
        assertThat(first.getString("stage")).isEqualTo("ResponseComplete");
        assertThat(first.getJsonObject("objectRef").getString("resource")).isEqualTo("namespaces");
    }

    @Test
    void closeWritesEveryEventQueuedBeforeIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesAuditSink sink = new JsonLinesAuditSink(new StreamLineWriter(out));
        Instant t = Instant.now();
        for (int i = 0; i < 5000; i++) {
            sink.record(new AuditEvent(
                    "id-" + i, "/api", RequestInfo.of("GET", "/api", null), null, null, List.of(), null, 200, t, t));
        }
        sink.close();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5000);
        assertThat(new JsonObject(lines.get(4999)).getString("auditID")).isEqualTo("id-4999");
    }
}
