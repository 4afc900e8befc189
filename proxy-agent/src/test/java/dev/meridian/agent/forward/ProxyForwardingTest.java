package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import dev.meridian.agent.testing.FakeAuthority;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProxyForwardingTest {
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
    void healthzAnswersWithoutAuthenticationAndCarriesCorsAndCacheHeaders() throws Exception {
        HttpResponse<String> r = h.get("/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(r.headers().firstValue("access-control-allow-methods"))
                .hasValue("POST, GET, OPTIONS, PUT, DELETE, PATCH");
        assertThat(r.headers().firstValue("access-control-allow-headers")).hasValue("*");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache, private");
    }

    @Test
    void preflightOnAnyPathAnswersWithCorsHeadersAndNeverReachesUpstream() throws Exception {
        int before = h.upstream.seen().size();
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(URI.create(h.base() + "/kubernetes/cluster/api/v1/pods"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(r.headers().firstValue("access-control-allow-methods"))
                .hasValue("POST, GET, OPTIONS, PUT, DELETE, PATCH");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache, private");
        assertThat(h.upstream.seen()).hasSize(before);
    }

    @Test
    void forwardsUnderThePrefixWithPrefixStrippedAndQueryKept() throws Exception {
        HttpResponse<String> r = h.get(
                "/kubernetes/cluster/api/v1/namespaces?limit=500&labelSelector=a%3Db",
                "Authorization", "Bearer " + ALICE_TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Upstream")).hasValue("echo");
        assertThat(new JsonObject(r.body()).getString("uri"))
                .isEqualTo("/api/v1/namespaces?limit=500&labelSelector=a%3Db");
    }

    @Test
    void upstreamSeesTheAgentTokenAndImpersonationButNeverClientCredentials() throws Exception {
        HttpResponse<String> r = h.get(
                "/kubernetes/cluster/api/v1/pods",
                "Authorization",
                "Bearer " + ALICE_TOKEN,
                "X-Remote-User",
                "root",
                "X-Remote-Group",
                "system:masters");
        assertThat(r.statusCode()).isEqualTo(200);
        EchoUpstream.Seen seen = h.upstream.last();
        assertThat(seen.headers().getAll("Authorization")).containsExactly("Bearer " + EchoUpstream.AGENT_TOKEN);
        assertThat(seen.headers().get("Impersonate-User")).isEqualTo("alice");
        assertThat(seen.headers().getAll("Impersonate-Group")).containsExactly("dev", "ops");
        assertThat(seen.headers().get("Impersonate-Uid")).isEqualTo("uid-1");
        assertThat(seen.headers().getAll("Impersonate-Extra-scopes.example.com%2Fteam"))
                .containsExactly("blue");
        assertThat(seen.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("x-remote-"));
    }

    @Test
    void reviewsTheTokenWithTheAgentsAuthorityCredentials() throws Exception {
        h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN);
        assertThat(h.authority.lastAuthorization).isEqualTo("Bearer " + FakeAuthority.AUTHORITY_TOKEN);
    }

    @Test
    void requestBodiesArriveIntact() throws Exception {
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"k\":\"" + "x".repeat(200_000) + "\"}}";
        HttpResponse<String> r = h.send(
                HttpRequest.newBuilder(URI.create(h.base() + "/kubernetes/cluster/api/v1/namespaces/a/configmaps"))
                        .header("Authorization", "Bearer " + ALICE_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.upstream.last().method()).isEqualTo("POST");
        assertThat(h.upstream.last().body()).isEqualTo(body);
    }

    @Test
    void normalisesSpellingsOfAPathBeforeForwarding() throws Exception {
        HttpResponse<String> r = h.get(
                "//kubernetes//cluster/api/./v1//%6Eamespaces/x/../?watch=0", "Authorization", "Bearer " + ALICE_TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.upstream.last().uri()).isEqualTo("/api/v1/namespaces/?watch=0");
    }
}
