package dev.meridian.agent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.testing.AgentHarness;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated requests against the agent's fronts: HTTP/1.1 over plain TCP and over TLS,
 * HTTP/2 over TLS, for a bounded time each, with a fixed seed (printed in any failure; override
 * with {@code -Dmeridian.fuzz.seed}, replay single cases with {@code -Dmeridian.fuzz.case}, run
 * longer with {@code -Dmeridian.fuzz.scale}). After each case and after each run the agent must
 * keep the {@link Findings properties} its README promises.
 */
class FrontFuzzTest {
    private static final FuzzSeed SEED = FuzzSeed.fromSystemProperties();
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    static Path dir;

    @BeforeAll
    static void announce() {
        System.out.println("front fuzz: seed " + SEED.seed() + " (-Dmeridian.fuzz.seed=N to change)");
    }

    @AfterAll
    static void stopReaders() {
        READERS.shutdownNow();
    }

    @Test
    void http11OverPlainTcpKeepsTheAgentsPromises() throws Exception {
        try (AgentHarness h = FuzzAgent.start(new ServerTls.Plain())) {
            Http1Exchange client = new Http1Exchange(h.agent.port(), null, READERS);
            fuzz(
                    "h1-plain",
                    h,
                    null,
                    HttpClient.Version.HTTP_1_1,
                    Duration.ofSeconds(4),
                    new Http1Cases(true)::next,
                    client::play);
        }
    }

    @Test
    void http11OverTlsKeepsTheAgentsPromises() throws Exception {
        try (AgentHarness h = FuzzAgent.start(new ServerTls.SelfSigned(dir.resolve("h1"), List.of()))) {
            SSLContext tls = AgentProbe.trusting(h.agent.caCertificatePem().orElseThrow());
            Http1Exchange client = new Http1Exchange(h.agent.port(), tls, READERS);
            fuzz(
                    "h1-tls",
                    h,
                    tls,
                    HttpClient.Version.HTTP_1_1,
                    Duration.ofSeconds(3),
                    new Http1Cases(false)::next,
                    client::play);
        }
    }

    @Test
    void http2KeepsTheAgentsPromises() throws Exception {
        try (AgentHarness h = FuzzAgent.start(new ServerTls.SelfSigned(dir.resolve("h2"), List.of()))) {
            SSLContext tls = AgentProbe.trusting(h.agent.caCertificatePem().orElseThrow());
            Http2Exchange client = new Http2Exchange(h.agent.port(), tls, READERS);
            fuzz("h2", h, tls, HttpClient.Version.HTTP_2, Duration.ofSeconds(5), new Http2Cases()::next, client::play);
        }
    }

    private static void fuzz(
            String lane,
            AgentHarness h,
            SSLContext tls,
            HttpClient.Version version,
            Duration budget,
            FuzzRun.Cases cases,
            FuzzRun.Player player)
            throws Exception {
        FuzzRun run = new FuzzRun(lane, SEED, h, new AgentProbe(h, tls, version));
        Findings findings = run.run(budget, cases, player);
        System.out.println("front fuzz " + run.stats());
        assertThat(findings.isEmpty())
                .withFailMessage(() -> findings.report(SEED, run.stats()))
                .isTrue();
    }
}
