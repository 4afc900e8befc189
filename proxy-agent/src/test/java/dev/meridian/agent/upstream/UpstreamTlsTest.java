package dev.meridian.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.agent.core.EventLoops;
import dev.meridian.agent.testing.TestTls;
import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.agent.tls.SelfSignedTls;
import dev.meridian.agent.upstream.UpstreamFactory.TlsEngine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both TLS engines verify the API server the same way: its certificate must chain to the CA
 * of the cluster configuration and name the host, for pooled requests and for the raw
 * connections that carry upgrades alike.
 */
class UpstreamTlsTest {
    private static final Vertx vertx = Vertx.vertx();
    /** The agent's own kind of event loops, which the upstreams under test run on. */
    private static final EventLoops loops = new EventLoops(1);
    /** A certificate for localhost from the CA the agent is given. */
    private static HttpServer trusted;
    /** A certificate for another name, from that same CA. */
    private static HttpServer wrongName;

    private static final GeneratedTls OTHER_NAME = SelfSignedTls.generate(List.of("elsewhere.example"));

    @BeforeAll
    static void start() throws Exception {
        trusted = serve(TestTls.keyCert());
        wrongName = serve(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(OTHER_NAME.certificateChainPem()))
                .addKeyValue(Buffer.buffer(OTHER_NAME.privateKeyPem())));
    }

    private static HttpServer serve(PemKeyCertOptions keyCert) throws Exception {
        return await(vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(keyCert))
                .requestHandler(req -> req.response().end("ok"))
                .listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
        loops.close();
    }

    @Test
    void openSslIsWhatTheAgentUsesOnThisPlatform() {
        assertThat(io.netty.handler.ssl.OpenSsl.isAvailable())
                .as("netty-tcnative should load on Linux x86_64")
                .isTrue();
        assertThat(TlsEngine.preferred()).isEqualTo(TlsEngine.OPENSSL);
    }

    @ParameterizedTest
    @EnumSource(TlsEngine.class)
    void acceptsTheApiServerSignedByTheClusterCa(TlsEngine engine) throws Exception {
        Upstream upstream = upstream(engine, trusted.actualPort(), TestTls.LOCALHOST.caCertificatePem());
        assertThat(get(upstream)).isEqualTo("ok");
        io.netty.channel.Channel raw = connection(upstream, true);
        assertThat(raw.isActive()).isTrue();
        raw.close();
        assertThat(connection(upstream, false).isActive()).isTrue();
        upstream.close();
    }

    @ParameterizedTest
    @EnumSource(TlsEngine.class)
    void refusesAnApiServerSignedByAnotherCa(TlsEngine engine) {
        String anotherCa = SelfSignedTls.generate(List.of("localhost")).caCertificatePem();
        Upstream upstream = upstream(engine, trusted.actualPort(), anotherCa);
        assertRefused(() -> get(upstream), engine);
        assertRefused(() -> connection(upstream, true), engine);
        assertRefused(() -> connection(upstream, false), engine);
    }

    @ParameterizedTest
    @EnumSource(TlsEngine.class)
    void refusesACertificateForAnotherHostName(TlsEngine engine) {
        Upstream upstream = upstream(engine, wrongName.actualPort(), OTHER_NAME.caCertificatePem());
        assertRefused(() -> get(upstream), engine);
        assertRefused(() -> connection(upstream, true), engine);
        assertRefused(() -> connection(upstream, false), engine);
    }

    /** The connection fails in the TLS handshake because of the certificate, not for any other reason. */
    private static void assertRefused(ThrowingCallable call, TlsEngine engine) {
        assertThatThrownBy(call).as("with %s", engine).satisfies(e -> {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            assertThat(chain)
                    .as("causes of %s", e)
                    .hasAtLeastOneElementOfType(SSLHandshakeException.class)
                    .hasAtLeastOneElementOfType(CertificateException.class);
        });
    }

    private static Upstream upstream(TlsEngine engine, int port, String caPem) {
        ClusterEndpoint endpoint =
                new ClusterEndpoint(URI.create("https://localhost:" + port), caPem, null, null, "t", null);
        return new UpstreamFactory(loops, Duration.ofSeconds(30), engine).create("test", endpoint);
    }

    private static String get(Upstream upstream) throws Exception {
        // The agent's own calls (reviews) are JSON POSTs; the server answers any request alike.
        try {
            return ApiPost.send(upstream, "/", "{}", Duration.ofSeconds(10))
                    .get(10, TimeUnit.SECONDS)
                    .body();
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** A connection of the kind proxied requests (or upgrades) travel on, handshake done, taken on an event loop as the agent does. */
    private static io.netty.channel.Channel connection(Upstream upstream, boolean upgrade) throws Exception {
        io.netty.channel.EventLoop loop = loops.loops().next();
        io.netty.util.concurrent.Future<io.netty.channel.Channel> acquired = loop.submit(() -> upgrade
                        ? upstream.channels().connectRaw(loop)
                        : upstream.channels().acquire(loop))
                .get(10, TimeUnit.SECONDS);
        try {
            return acquired.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
