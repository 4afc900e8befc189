package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawHttp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySecurityTest {
    static AgentHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void aRequestWithoutATokenGets401StatusAndNeverReachesUpstream() throws Exception {
        int before = h.upstream.seen().size();
        HttpResponse<String> r = h.get("/kubernetes/cluster/api/v1/secrets");
        assertThat(r.statusCode()).isEqualTo(401);
        assertStatus(r.body(), 401, "Unauthorized");
        assertThat(h.upstream.seen()).hasSize(before);
    }

    @Test
    void aRejectedTokenGets401Status() throws Exception {
        int before = h.upstream.seen().size();
        HttpResponse<String> r = h.get("/kubernetes/cluster/api/v1/secrets", "Authorization", "Bearer forged");
        assertThat(r.statusCode()).isEqualTo(401);
        assertStatus(r.body(), 401, "Unauthorized");
        assertThat(h.upstream.seen()).hasSize(before);
    }

    @Test
    void manyRequestsWithOneTokenCauseOneTokenReview() throws Exception {
        String token = "bob-token";
        h.authority.allow(token, dev.meridian.agent.core.UserInfo.of("bob", "dev"));
        int before = h.authority.calls();
        for (int i = 0; i < 25; i++) {
            assertThat(h.get("/kubernetes/cluster/api/v1/pods?i=" + i, "Authorization", "Bearer " + token)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(h.authority.calls() - before)
                .as("TokenReviews for 25 requests with one token")
                .isEqualTo(1);
    }

    @Test
    void clientImpersonationIsForbiddenWith403Status() throws Exception {
        int before = h.upstream.seen().size();
        HttpResponse<String> r = h.get(
                "/kubernetes/cluster/api/v1/pods",
                "Authorization",
                "Bearer " + ALICE_TOKEN,
                "Impersonate-User",
                "system:admin");
        assertThat(r.statusCode()).isEqualTo(403);
        JsonObject status = assertStatus(r.body(), 403, "Forbidden");
        assertThat(status.getString("message")).contains("impersonation");
        assertThat(h.upstream.seen()).hasSize(before);
    }

    @ParameterizedTest(name = "{0} -> 404")
    @CsvSource({
        "/kubernetes/cluster/../management/apis",
        "/kubernetes/cluster/%2e%2e/management",
        "/kubernetes/cluster/%2E%2E%2Fmanagement",
        "/kubernetes/cluster/api%2Fv1/pods",
        "/kubernetes/cluster/api%5Cv1",
        "/kubernetes/cluster/api/%zz",
        "/kubernetes/cluster/api/%00",
        "/kubernetes/clusterx/api",
        "/kubernetes/../kubernetes/management",
        "/../../etc/passwd",
        "/api/v1/pods",
        "/kubernetes/cluster/api/v1/../../../x",
    })
    void pathsThatEscapeThePrefixAreNotFound(String path) throws Exception {
        int before = h.upstream.seen().size();
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ALICE_TOKEN
                            + "\r\nConnection: close\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).as("status for %s", path).isEqualTo(404);
        }
        assertThat(h.upstream.seen()).hasSize(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "both lengths and chunked | Content-Length: 5~Transfer-Encoding: chunked",
                "two different lengths    | Content-Length: 5~Content-Length: 6",
                "two equal lengths        | Content-Length: 5~Content-Length: 5",
                "a length list            | Content-Length: 5, 5",
                "a coding but not chunked | Transfer-Encoding: gzip",
                "chunked, then a coding   | Transfer-Encoding: chunked, gzip",
            })
    void ambiguousFramingIsRefused(String name, String framing) throws Exception {
        int before = h.upstream.seen().size();
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send(
                            "POST /kubernetes/cluster/api/v1/namespaces HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                    + ALICE_TOKEN + "\r\n" + framing.replace("~", "\r\n")
                                    + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).as(name).isEqualTo(400);
        }
        assertThat(h.upstream.seen()).hasSize(before);
    }

    @Test
    void hopByHopHeadersAndTheHeadersConnectionNamesAreNotForwarded() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send(
                            "GET /kubernetes/cluster/api HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ALICE_TOKEN
                                    + "\r\nConnection: keep-alive, X-Secret-Hop\r\nX-Secret-Hop: 1\r\nKeep-Alive: timeout=5\r\n"
                                    + "Proxy-Authorization: Basic eDp5\r\nTE: trailers\r\nX-Kept: yes\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
        }
        var headers = h.upstream.last().headers();
        assertThat(headers.get("X-Kept")).isEqualTo("yes");
        for (String hop : List.of("X-Secret-Hop", "Keep-Alive", "Proxy-Authorization", "TE")) {
            assertThat(headers.contains(hop)).as("%s forwarded", hop).isFalse();
        }
    }

    @Test
    void eachRequestWritesExactlyOneAuditEvent() throws Exception {
        String marker = "audit-" + System.nanoTime();
        h.get(
                "/kubernetes/cluster/api/v1/namespaces/team-a/pods/web-1?m=" + marker,
                "Authorization",
                "Bearer " + ALICE_TOKEN,
                "User-Agent",
                "kubectl/v1.32");
        h.get("/kubernetes/cluster/api/v1/namespaces?m=" + marker);
        await().untilAsserted(() -> assertThat(eventsWith(marker)).hasSize(2));
        AuditEvent ok = eventsWith(marker).stream()
                .filter(e -> e.responseCode() == 200)
                .findFirst()
                .orElseThrow();
        JsonObject json = dev.meridian.agent.audit.AuditEventJson.of(ok);
        assertThat(json.getString("apiVersion")).isEqualTo("audit.k8s.io/v1");
        assertThat(json.getString("kind")).isEqualTo("Event");
        assertThat(json.getString("level")).isEqualTo("Metadata");
        assertThat(json.getString("verb")).isEqualTo("get");
        assertThat(json.getString("userAgent")).isEqualTo("kubectl/v1.32");
        assertThat(json.getJsonObject("user").getString("username")).isEqualTo("alice");
        assertThat(json.getJsonObject("user").getJsonArray("groups").stream().toList())
                .containsExactly("dev", "ops");
        assertThat(json.getJsonArray("sourceIPs").stream().toList()).containsExactly("127.0.0.1");
        assertThat(json.getJsonObject("objectRef").getString("namespace")).isEqualTo("team-a");
        assertThat(json.getJsonObject("objectRef").getString("resource")).isEqualTo("pods");
        assertThat(json.getJsonObject("objectRef").getString("name")).isEqualTo("web-1");
        assertThat(json.getJsonObject("responseStatus").getInteger("code")).isEqualTo(200);
        assertThat(json.getString("requestReceivedTimestamp"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        AuditEvent refused = eventsWith(marker).stream()
                .filter(e -> e.responseCode() == 401)
                .findFirst()
                .orElseThrow();
        assertThat(dev.meridian.agent.audit.AuditEventJson.of(refused).getString("verb"))
                .isEqualTo("list");
    }

    private static List<AuditEvent> eventsWith(String marker) {
        return h.audit.events().stream()
                .filter(e -> e.requestUri().contains(marker))
                .toList();
    }

    static JsonObject assertStatus(String body, int code, String reason) {
        JsonObject status = new JsonObject(body);
        assertThat(status.getString("kind")).isEqualTo("Status");
        assertThat(status.getString("apiVersion")).isEqualTo("v1");
        assertThat(status.getString("status")).isEqualTo("Failure");
        assertThat(status.getInteger("code")).isEqualTo(code);
        assertThat(status.getString("reason")).isEqualTo(reason);
        return status;
    }
}
