package dev.meridian.agent.forward;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SSLEngineOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds {@link Upstream}s: per API server the connections proxied requests travel on, a pooled
 * HTTP/1.1 client for the agent's own reviews, TLS always verified
 * (the CA from the cluster configuration, and the host name), with either TLS engine.
 */
public final class UpstreamFactory {
    /**
     * The Vert.x client carries only the agent's own calls (token and access reviews, on cache
     * misses); proxied requests and watches use {@link UpstreamChannels}, which has no limit.
     */
    private static final int MAX_CONNECTIONS = 256;

    private static final long TOKEN_REFRESH_MILLIS = 30_000;

    /** Which implementation speaks TLS to the API servers; both verify the same way. */
    public enum TlsEngine {
        /** OpenSSL (BoringSSL, from netty-tcnative): less CPU per request. */
        OPENSSL,
        /** The JDK's SSLEngine. */
        JDK;

        /**
         * OpenSSL when its native library loads on this machine, else the JDK's engine. It may
         * not load on another platform or when the temporary folder is read-only or noexec.
         */
        public static TlsEngine preferred() {
            return OpenSSLEngineOptions.isAvailable() ? OPENSSL : JDK;
        }
    }

    private final Vertx vertx;
    private final Duration idleTimeout;
    private final TlsEngine engine;

    public UpstreamFactory(Vertx vertx, Duration idleTimeout) {
        this(vertx, idleTimeout, TlsEngine.preferred());
    }

    public UpstreamFactory(Vertx vertx, Duration idleTimeout, TlsEngine engine) {
        this.vertx = vertx;
        this.idleTimeout = idleTimeout;
        this.engine = engine;
    }

    public TlsEngine tlsEngine() {
        return engine;
    }

    public Upstream create(String name, ClusterEndpoint endpoint) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(10_000)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(16 * 1024)
                .setMaxHeaderSize(64 * 1024)
                .setDecompressionSupported(false);
        if (endpoint.isHttps()) {
            options.setSsl(true).setVerifyHost(true).setTrustAll(false).setSslEngineOptions(engineOptions());
            if (endpoint.caPem() != null) {
                options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(endpoint.caPem())));
            }
            if (endpoint.clientCertPem() != null && endpoint.clientKeyPem() != null) {
                options.setKeyCertOptions(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(endpoint.clientCertPem()))
                        .addKeyValue(Buffer.buffer(endpoint.clientKeyPem())));
            }
        }
        HttpClient client = vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(-1))
                .build();
        UpstreamChannels channels = new UpstreamChannels(
                endpoint.server().getHost(),
                endpoint.port(),
                endpoint.isHttps() ? nettyTls(options) : null,
                ((VertxInternal) vertx).transport().channelFactory(false),
                idleTimeout);
        return new Upstream(
                name,
                channels,
                client,
                endpoint.server().getHost(),
                endpoint.port(),
                endpoint.isHttps(),
                endpoint.server().getRawPath(),
                credentials(endpoint));
    }

    /**
     * The same trust, client certificate and engine as the Vert.x client, for the connections
     * proxied requests and upgrades use; the host name is verified (Netty's client default, set explicitly).
     */
    private SslContext nettyTls(HttpClientOptions options) {
        try {
            SslContextBuilder tls = SslContextBuilder.forClient()
                    .sslProvider(engine == TlsEngine.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK)
                    .endpointIdentificationAlgorithm("HTTPS");
            if (options.getTrustOptions() != null) {
                tls.trustManager(options.getTrustOptions().getTrustManagerFactory(vertx));
            }
            if (options.getKeyCertOptions() != null) {
                tls.keyManager(options.getKeyCertOptions().getKeyManagerFactory(vertx));
            }
            return tls.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot set up TLS towards the API server: " + e.getMessage(), e);
        }
    }

    private SSLEngineOptions engineOptions() {
        return engine == TlsEngine.OPENSSL ? new OpenSSLEngineOptions() : new JdkSSLEngineOptions();
    }

    private Credentials credentials(ClusterEndpoint endpoint) {
        if (endpoint.tokenFile() != null) {
            return new TokenFileCredentials(vertx, endpoint.tokenFile(), TOKEN_REFRESH_MILLIS);
        }
        return endpoint.token() != null ? Credentials.token(endpoint.token()) : Credentials.none();
    }
}
