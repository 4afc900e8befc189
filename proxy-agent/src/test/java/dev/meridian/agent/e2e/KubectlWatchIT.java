package dev.meridian.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.Discovery;
import dev.meridian.agent.testing.Kubectl;
import io.vertx.core.http.HttpServerResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl get ns -w} through the agent against an upstream that streams chunked watch events. */
class KubectlWatchIT {
    @TempDir
    static Path dir;

    static AgentHarness h;
    static final AtomicReference<HttpServerResponse> watch = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness(b -> b.tls(new ServerTls.SelfSigned(dir.resolve("tls"), List.of())));
        for (String path : List.of("/api", "/apis", "/api/v1")) {
            h.upstream.on(
                    path,
                    req -> req.response()
                            .putHeader("Content-Type", "application/json")
                            .end(Discovery.documentFor(path)));
        }
        h.upstream.on("/api/v1/namespaces", req -> {
            HttpServerResponse out = req.response().putHeader("Content-Type", "application/json");
            if (!"true".equals(req.getParam("watch"))) {
                out.end("""
                        {"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"10"},
                         "items":[{"metadata":{"name":"initial","resourceVersion":"10"},"status":{"phase":"Active"}}]}""");
                return;
            }
            out.setChunked(true);
            out.write(event("stream-a", 11));
            watch.set(out);
        });
    }

    static String event(String name, int rv) {
        return "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
                + name + "\",\"resourceVersion\":\"" + rv + "\"},\"status\":{\"phase\":\"Active\"}}}\n";
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void kubectlWatchPrintsEachEventWhileTheStreamStaysOpen() throws Exception {
        Kubectl kubectl = new Kubectl(
                dir,
                "https://127.0.0.1:" + h.agent.port() + "/kubernetes/cluster",
                h.agent.caCertificatePem().orElseThrow(),
                AgentHarness.ALICE_TOKEN);
        Process p = kubectl.start("get", "ns", "-w");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the process was stopped
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lines).anyMatch(l -> l.startsWith("stream-a")));
            assertThat(lines).anyMatch(l -> l.startsWith("initial"));
            assertThat(lines).noneMatch(l -> l.startsWith("stream-b"));
            h.upstream.vertx().runOnContext(v -> watch.get().write(event("stream-b", 12)));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(lines).anyMatch(l -> l.startsWith("stream-b")));
            assertThat(p.isAlive()).as("watch still open").isTrue();
        } finally {
            p.destroy();
            reader.join(5000);
        }
        assertThat(h.upstream.seen())
                .anyMatch(s -> s.uri().contains("watch=true")
                        && "alice".equals(s.headers().get("Impersonate-User")));
    }
}
