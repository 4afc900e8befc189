package dev.meridian.agent.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.auth.SubjectAccessReviewAuthorizer;
import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A front proxy (the central gateway) passes its users through the agent with Impersonate-*
 * headers: honoured only for the trusted proxy's identity and only as far as the cluster's
 * RBAC, asked with SubjectAccessReviews, allows.
 */
class TrustedProxyTest {
    static final String GATEWAY = "system:serviceaccount:vcluster-pro:meridian-gateway";
    static final String GATEWAY_TOKEN = "gateway-token";
    static final String MALLORY_TOKEN = "mallory-token";
    static final String SAR_PATH = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

    static AgentHarness h;
    static final AtomicInteger reviews = new AtomicInteger();
    static final AtomicBoolean rbacDown = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness(b -> b.trustedProxies(Set.of(GATEWAY)));
        h.authority.allow(GATEWAY_TOKEN, UserInfo.of(GATEWAY, "system:serviceaccounts"));
        h.authority.allow(MALLORY_TOKEN, UserInfo.of("mallory", "system:authenticated"));
        // The cluster's RBAC: the gateway may impersonate anyone but the system:masters group.
        h.upstream.on(
                SAR_PATH,
                req -> req.body().onSuccess(body -> {
                    reviews.incrementAndGet();
                    if (rbacDown.get()) {
                        req.response().setStatusCode(500).end();
                        return;
                    }
                    JsonObject spec = body.toJsonObject().getJsonObject("spec");
                    JsonObject attributes = spec.getJsonObject("resourceAttributes");
                    boolean allowed = GATEWAY.equals(spec.getString("user"))
                            && "impersonate".equals(attributes.getString("verb"))
                            && !("groups".equals(attributes.getString("resource"))
                                    && "system:masters".equals(attributes.getString("name")));
                    req.response()
                            .setStatusCode(201)
                            .putHeader("Content-Type", "application/json")
                            .end(body.toJsonObject()
                                    .put("status", new JsonObject().put("allowed", allowed))
                                    .encode());
                }));
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static HttpResponse<String> asGateway(String path, String... impersonation) throws Exception {
        String[] headers = new String[impersonation.length + 2];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + GATEWAY_TOKEN;
        System.arraycopy(impersonation, 0, headers, 2, impersonation.length);
        return h.get(path, headers);
    }

    @Test
    void theTrustedProxysUserIsForwardedAsThatUserWithTheAgentsOwnCredentials() throws Exception {
        HttpResponse<String> r = asGateway(
                "/kubernetes/cluster/api/v1/namespaces?erin=1",
                "Impersonate-User",
                "erin",
                "Impersonate-Group",
                "dev",
                "Impersonate-Group",
                "system:authenticated",
                "Impersonate-Uid",
                "u-9",
                "Impersonate-Extra-Scopes.example.com%2Fteam",
                "blue");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        EchoUpstream.Seen seen = h.upstream.seen().stream()
                .filter(s -> s.uri().endsWith("erin=1"))
                .findFirst()
                .orElseThrow();
        assertThat(seen.headers().get("Authorization")).isEqualTo("Bearer " + EchoUpstream.AGENT_TOKEN);
        assertThat(seen.headers().get("Impersonate-User")).isEqualTo("erin");
        assertThat(seen.headers().getAll("Impersonate-Group")).containsExactly("dev", "system:authenticated");
        assertThat(seen.headers().get("Impersonate-Uid")).isEqualTo("u-9");
        assertThat(seen.headers().get("Impersonate-Extra-scopes.example.com%2Fteam"))
                .isEqualTo("blue");
        AuditEvent event = await().until(
                        () -> h.audit.events().stream()
                                .filter(e -> e.requestUri().endsWith("erin=1"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(event.user().username()).as("audit names who called").isEqualTo(GATEWAY);
        assertThat(event.impersonatedUser().username())
                .as("and whom it acted as")
                .isEqualTo("erin");
        assertThat(event.encode()).contains("\"impersonatedUser\":{\"username\":\"erin\"");
    }

    @Test
    void repeatedRequestsForOneIdentityAreAuthorizedOnce() throws Exception {
        asGateway("/kubernetes/cluster/api/v1/pods", "Impersonate-User", "frank", "Impersonate-Group", "ops");
        int before = reviews.get();
        for (int i = 0; i < 20; i++) {
            assertThat(asGateway(
                                    "/kubernetes/cluster/api/v1/pods?i=" + i,
                                    "Impersonate-User",
                                    "frank",
                                    "Impersonate-Group",
                                    "ops")
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(reviews.get() - before)
                .as("SubjectAccessReviews for 20 cached requests")
                .isZero();
    }

    @Test
    void anImpersonationTheClusterRefusesIs403AndNeverReachesUpstream() throws Exception {
        int reviewsBefore = reviews.get();
        HttpResponse<String> r = asGateway(
                "/kubernetes/cluster/api/v1/secrets?masters=1",
                "Impersonate-User",
                "erin",
                "Impersonate-Group",
                "system:masters");
        assertThat(r.statusCode()).isEqualTo(403);
        JsonObject status = new JsonObject(r.body());
        assertThat(status.getString("kind")).isEqualTo("Status");
        assertThat(status.getString("message")).contains(GATEWAY, "groups", "system:masters");
        assertThat(reviews.get()).as("the cluster was asked").isGreaterThan(reviewsBefore);
        assertThat(h.upstream.seen()).noneMatch(s -> s.uri().endsWith("masters=1"));
    }

    @Test
    void anyoneElsesImpersonationIsForbiddenWithoutAskingTheCluster() throws Exception {
        int reviewsBefore = reviews.get();
        HttpResponse<String> r = h.get(
                "/kubernetes/cluster/api/v1/pods",
                "Authorization",
                "Bearer " + MALLORY_TOKEN,
                "Impersonate-User",
                "erin");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(r.body()).getString("message"))
                .contains("impersonation through the direct cluster endpoint is not allowed");
        assertThat(reviews.get()).isEqualTo(reviewsBefore);
    }

    @Test
    void impersonationHeadersWithoutAUserAreABadRequest() throws Exception {
        HttpResponse<String> r = asGateway("/kubernetes/cluster/api/v1/pods", "Impersonate-Group", "dev");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("message")).contains("Impersonate-User");
        HttpResponse<String> unknown = asGateway(
                "/kubernetes/cluster/api/v1/pods", "Impersonate-User", "erin", "Impersonate-Everything", "yes");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void whenTheClusterCannotBeAskedTheRequestIs503AndNothingIsCached() throws Exception {
        rbacDown.set(true);
        try {
            HttpResponse<String> r = asGateway("/kubernetes/cluster/api/v1/pods", "Impersonate-User", "grace");
            assertThat(r.statusCode()).isEqualTo(503);
        } finally {
            rbacDown.set(false);
        }
        assertThat(asGateway("/kubernetes/cluster/api/v1/pods", "Impersonate-User", "grace")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void serviceAccountTargetsAreAuthorizedAsServiceAccounts() {
        List<SubjectAccessReviewAuthorizer.Attributes> attributes =
                SubjectAccessReviewAuthorizer.attributesFor(new UserInfo(
                        "system:serviceaccount:team-a:builder",
                        null,
                        List.of("g"),
                        java.util.Map.of("k", List.of("v1", "v2"))));
        assertThat(attributes)
                .extracting(a -> a.resource() + "/" + (a.namespace() == null ? "" : a.namespace()) + "/" + a.name())
                .containsExactly("serviceaccounts/team-a/builder", "groups//g", "userextras//v1", "userextras//v2");
        assertThat(attributes.get(2).subresource()).isEqualTo("k");
        assertThat(attributes.get(2).group()).isEqualTo("authentication.k8s.io");
    }
}
