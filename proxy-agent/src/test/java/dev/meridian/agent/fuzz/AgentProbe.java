package dev.meridian.agent.fuzz;

import dev.meridian.agent.testing.AgentHarness;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Asks a running agent how it is, with a well-behaved client: its requests in flight (the admin
 * port's {@code meridian_agent_requests_in_flight}), its health check and one authenticated
 * request, over the protocol the fuzz lane used.
 */
final class AgentProbe {
    private static final String IN_FLIGHT = "meridian_agent_requests_in_flight ";
    private final AgentHarness h;
    private final HttpClient admin = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final HttpClient front;
    private final String base;

    /** {@code tls} null: the agent serves plain HTTP; else it is trusted and {@code version} is negotiated. */
    AgentProbe(AgentHarness h, SSLContext tls, HttpClient.Version version) {
        this.h = h;
        HttpClient.Builder b = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(2));
        this.front = (tls == null ? b : b.sslContext(tls)).build();
        this.base = (tls == null ? "http://127.0.0.1:" : "https://localhost:") + h.agent.port();
    }

    int inFlight() throws Exception {
        String metrics = admin.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.agent.adminPort() + "/metrics"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(IN_FLIGHT)) {
                return (int)
                        Double.parseDouble(line.substring(IN_FLIGHT.length()).trim());
            }
        }
        throw new AssertionError("the admin port's /metrics has no " + IN_FLIGHT.trim());
    }

    HttpResponse<String> healthz() throws Exception {
        return front.send(
                HttpRequest.newBuilder(URI.create(base + "/healthz"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> authenticated(String path) throws Exception {
        return front.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + AgentHarness.ALICE_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> forged(String path) throws Exception {
        return front.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer fz-forged-warmup")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static SSLContext trusting(String caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry(
                "ca",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
