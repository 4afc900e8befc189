package dev.meridian.agent.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD mock API server over TLS, with the discovery documents kubectl needs served
 * whatever the query string, and a record of the Authorization and Impersonate-User headers
 * each request arrived with.
 */
public final class MockApiServer implements AutoCloseable {
    /** Headers the mock saw on one request. */
    public record Seen(String method, String path, String authorization, String impersonateUser) {}

    private final MockWebServer web = new MockWebServer();
    private final KubernetesMockServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> impersonators = new java.util.concurrent.CopyOnWriteArraySet<>();

    public MockApiServer() throws Exception {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        Dispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher withDiscovery = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                seen.add(new Seen(
                        request.getMethod(),
                        path,
                        request.getHeader("Authorization"),
                        request.getHeader("Impersonate-User")));
                if (path.startsWith(SUBJECT_ACCESS_REVIEWS) && "POST".equals(request.getMethod())) {
                    return subjectAccessReview(request.getUtf8Body());
                }
                int q = path.indexOf('?');
                String document = Discovery.documentFor(q < 0 ? path : path.substring(0, q));
                if (document != null) {
                    return new MockResponse()
                            .setResponseCode(200)
                            .setHeader("Content-Type", "application/json")
                            .setBody(document);
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), web, responses, withDiscovery, true);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
    }

    static final String SUBJECT_ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

    /** This cluster's RBAC, as far as SubjectAccessReviews ask it: {@code user} may impersonate anyone. */
    public MockApiServer allowImpersonationBy(String user) {
        impersonators.add(user);
        return this;
    }

    private MockResponse subjectAccessReview(String body) {
        io.vertx.core.json.JsonObject review = new io.vertx.core.json.JsonObject(body);
        io.vertx.core.json.JsonObject spec = review.getJsonObject("spec");
        boolean allowed = impersonators.contains(spec.getString("user"))
                && "impersonate".equals(spec.getJsonObject("resourceAttributes").getString("verb"));
        return new MockResponse()
                .setResponseCode(201)
                .setHeader("Content-Type", "application/json")
                .setBody(review.put("status", new io.vertx.core.json.JsonObject().put("allowed", allowed))
                        .encode());
    }

    public int port() {
        return web.getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Configuration that reaches the mock with its own CA verified and the given token. */
    public Config config(String token) throws Exception {
        String caPem = Files.readString(Path.of(web.getSelfSignedCertificate().certificatePath()));
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + port())
                .withCaCertData(Base64.getEncoder().encodeToString(caPem.getBytes()))
                .withOauthToken(token)
                .build();
    }

    /** A client straight to the mock (trusting it), for setting up and checking state. */
    public KubernetesClient client() {
        return server.createClient();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
