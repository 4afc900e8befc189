package dev.meridian.agent.server;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.TestTls;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsTest {
    @TempDir
    Path dir;

    @Test
    void anUnreachableUpstreamGives502Status() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Config dead = new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:" + closedPort)
                .withCaCertData(Base64.getEncoder()
                        .encodeToString(TestTls.LOCALHOST.caCertificatePem().getBytes()))
                .withOauthToken("t")
                .build();
        try (AgentHarness h = new AgentHarness(b -> b.upstream(ClusterSource.of(dead)))) {
            HttpResponse<String> r = h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN);
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(new JsonObject(r.body()).getString("kind")).isEqualTo("Status");
        }
    }

    @Test
    void anUpstreamThatSkipsTlsVerificationIsRefusedAtStart() {
        Config insecure = new ConfigBuilder(Config.empty())
                .withMasterUrl("https://localhost:1")
                .withTrustCerts(true)
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgentServer.start(AgentConfig.builder()
                        .port(0)
                        .adminPort(-1)
                        .upstream(ClusterSource.of(insecure))
                        .build()))
                .hasMessageContaining("always verifies");
    }

    @Test
    void adminPortServesMetricsAndReadiness() throws Exception {
        try (AgentHarness h = new AgentHarness()) {
            h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN);
            HttpClient http = HttpClient.newHttpClient();
            String admin = "http://127.0.0.1:" + h.agent.adminPort();
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("meridian_agent_requests_total{code=\"2xx\"}", "meridian_agent_token_reviews_total");
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(admin + "/readyz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(h.agent.isReady()).isTrue();
        }
    }

    @Test
    void servesHttpsWithAGivenCertificateAndNegotiatesHttp2() throws Exception {
        Path cert = Files.writeString(dir.resolve("tls.crt"), TestTls.LOCALHOST.certificateChainPem());
        Path key = Files.writeString(dir.resolve("tls.key"), TestTls.LOCALHOST.privateKeyPem());
        try (AgentHarness h = new AgentHarness(b -> b.tls(new ServerTls.Provided(cert, key)))) {
            HttpClient h2 = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_2)
                    .sslContext(trusting(TestTls.LOCALHOST.caCertificatePem()))
                    .build();
            HttpResponse<String> r = h2.send(
                    HttpRequest.newBuilder(URI.create(
                                    "https://localhost:" + h.agent.port() + "/kubernetes/cluster/api/v1/pods?x=1"))
                            .header("Authorization", "Bearer " + ALICE_TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(h.upstream.last().uri()).isEqualTo("/api/v1/pods?x=1");
            assertThat(h.upstream.last().headers().get("Impersonate-User")).isEqualTo("alice");
        }
    }

    @Test
    void shutdownLetsRequestsInFlightFinish() throws Exception {
        AtomicReference<HttpServerRequest> held = new AtomicReference<>();
        try (AgentHarness h = new AgentHarness(b -> b.shutdownGrace(Duration.ofSeconds(20)))) {
            h.upstream.on("/slow", held::set);
            CompletableFuture<HttpResponse<String>> slow = h.http()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create(h.base() + "/kubernetes/cluster/slow"))
                                    .header("Authorization", "Bearer " + ALICE_TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            await().until(() -> held.get() != null);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(h.agent::close);
            await().until(() -> !h.agent.isReady());
            h.upstream.vertx().runOnContext(v -> held.get().response().end("finished"));
            assertThat(slow.get().statusCode()).isEqualTo(200);
            assertThat(slow.get().body()).isEqualTo("finished");
            closing.get();
        }
    }

    @Test
    void shutdownLetsAnHttp2StreamInFlightFinish() throws Exception {
        Path cert = Files.writeString(dir.resolve("tls.crt"), TestTls.LOCALHOST.certificateChainPem());
        Path key = Files.writeString(dir.resolve("tls.key"), TestTls.LOCALHOST.privateKeyPem());
        AtomicReference<HttpServerRequest> held = new AtomicReference<>();
        try (AgentHarness h =
                new AgentHarness(b -> b.tls(new ServerTls.Provided(cert, key)).shutdownGrace(Duration.ofSeconds(20)))) {
            h.upstream.on("/slow", held::set);
            HttpClient h2 = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_2)
                    .sslContext(trusting(TestTls.LOCALHOST.caCertificatePem()))
                    .build();
            CompletableFuture<HttpResponse<String>> slow = h2.sendAsync(
                    HttpRequest.newBuilder(
                                    URI.create("https://localhost:" + h.agent.port() + "/kubernetes/cluster/slow"))
                            .header("Authorization", "Bearer " + ALICE_TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await().until(() -> held.get() != null);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(h.agent::close);
            await().until(() -> !h.agent.isReady());
            h.upstream.vertx().runOnContext(v -> held.get().response().end("finished"));
            assertThat(slow.get().version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(slow.get().statusCode()).isEqualTo(200);
            assertThat(slow.get().body()).isEqualTo("finished");
            closing.get();
        }
    }

    static SSLContext trusting(String caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry(
                "ca",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(caPem.getBytes())));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
