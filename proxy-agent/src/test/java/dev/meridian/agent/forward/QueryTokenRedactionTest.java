package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.config.AuditTarget;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.CapturedLogs;
import dev.meridian.agent.testing.RawHttp;
import dev.meridian.agent.testing.TestTls;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential in the query string is forwarded as sent but never written to the audit log or a log line. */
class QueryTokenRedactionTest {
    static final String SECRET = "q-secret-7f3a";
    static final String QUERY = "?watch=1&access_token=" + SECRET + "&limit=5";
    static final String REDACTED_QUERY = "?watch=1&access_token=REDACTED&limit=5";

    @TempDir
    Path dir;

    @Test
    void theApiServerGetsTheQueryAsSentWhileTheAuditLineHasItRedacted() throws Exception {
        Path auditLog = dir.resolve("audit.log");
        try (CapturedLogs logs = new CapturedLogs();
                AgentHarness h = new AgentHarness(b -> b.audit(new AuditTarget.File(auditLog, 1 << 20, 1)), false)) {
            String path = "/kubernetes/cluster/api/v1/pods" + QUERY;
            assertThat(h.get(path, "Authorization", "Bearer " + ALICE_TOKEN).statusCode())
                    .isEqualTo(200);
            assertThat(h.get(path).statusCode()).as("no bearer token").isEqualTo(401);

            assertThat(h.upstream.last().uri()).isEqualTo("/api/v1/pods" + QUERY);
            List<String> lines = await().until(() -> auditLines(auditLog), l -> l.size() == 2);
            assertThat(lines)
                    .allSatisfy(line -> assertThat(line)
                            .contains("\"requestURI\":\"/kubernetes/cluster/api/v1/pods" + REDACTED_QUERY + "\"")
                            .doesNotContain(SECRET));
            assertThat(logs.lines()).noneMatch(l -> l.contains(SECRET));
        }
    }

    @Test
    void warningsAboutAFailedRequestOrUpgradeNameTheTargetRedacted() throws Exception {
        Path auditLog = dir.resolve("audit.log");
        Config dead = unreachable();
        try (CapturedLogs logs = new CapturedLogs();
                AgentHarness h = new AgentHarness(
                        b -> b.audit(new AuditTarget.File(auditLog, 1 << 20, 1)).upstream(ClusterSource.of(dead)),
                        false)) {
            assertThat(h.get("/kubernetes/cluster/api/v1/pods" + QUERY, "Authorization", "Bearer " + ALICE_TOKEN)
                            .statusCode())
                    .isEqualTo(502);
            try (RawHttp raw = new RawHttp(h.agent.port())) {
                String head = raw.send("POST /kubernetes/cluster/api/v1/namespaces/a/pods/p/exec" + QUERY
                                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ALICE_TOKEN
                                + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\r\n")
                        .readHead();
                assertThat(RawHttp.status(head)).isEqualTo(502);
            }

            await().untilAsserted(() -> assertThat(auditLines(auditLog)).hasSize(2));
            assertThat(auditLines(auditLog)).noneMatch(l -> l.contains(SECRET));
            List<String> warnings = logs.lines().stream()
                    .filter(l -> l.contains("/kubernetes/cluster/api/v1/"))
                    .toList();
            assertThat(warnings)
                    .as("the request and the upgrade are both logged")
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains(REDACTED_QUERY));
            assertThat(logs.lines()).noneMatch(l -> l.contains(SECRET));
        }
    }

    private static List<String> auditLines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static Config unreachable() throws java.io.IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + closedPort)
                .withCaCertData(Base64.getEncoder()
                        .encodeToString(TestTls.LOCALHOST.caCertificatePem().getBytes()))
                .withOauthToken("t")
                .build();
    }
}
