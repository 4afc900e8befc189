package dev.meridian.agent.upstream;

import dev.meridian.agent.core.EventLoops;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Builds {@link Upstream}s: per API server the connections proxied requests and the agent's own
 * calls travel on, on the agent's event loops, TLS always verified (the CA from the cluster
 * configuration, and the host name), with either TLS engine.
 */
public final class UpstreamFactory {
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
            return OpenSsl.isAvailable() ? OPENSSL : JDK;
        }

        /** Netty's name for this engine. */
        public SslProvider provider() {
            return this == OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK;
        }
    }

    private final EventLoops loops;
    private final Duration idleTimeout;
    private final TlsEngine engine;

    public UpstreamFactory(EventLoops loops, Duration idleTimeout) {
        this(loops, idleTimeout, TlsEngine.preferred());
    }

    public UpstreamFactory(EventLoops loops, Duration idleTimeout, TlsEngine engine) {
        this.loops = loops;
        this.idleTimeout = idleTimeout;
        this.engine = engine;
    }

    public TlsEngine tlsEngine() {
        return engine;
    }

    public Upstream create(String name, ClusterEndpoint endpoint) {
        UpstreamChannels channels = new UpstreamChannels(
                endpoint.server().getHost(),
                endpoint.port(),
                endpoint.isHttps() ? tls(endpoint) : null,
                loops,
                idleTimeout);
        return new Upstream(
                name,
                channels,
                endpoint.server().getHost(),
                endpoint.port(),
                endpoint.isHttps(),
                endpoint.server().getRawPath(),
                credentials(endpoint));
    }

    /**
     * The cluster's CA (the JVM's trust store when it names none), its client certificate if
     * any, and the host name verified (Netty's client default, set explicitly).
     */
    private SslContext tls(ClusterEndpoint endpoint) {
        try {
            SslContextBuilder tls = SslContextBuilder.forClient()
                    .sslProvider(engine.provider())
                    .endpointIdentificationAlgorithm("HTTPS");
            if (endpoint.caPem() != null) {
                tls.trustManager(pem(endpoint.caPem()));
            }
            if (endpoint.clientCertPem() != null && endpoint.clientKeyPem() != null) {
                tls.keyManager(pem(endpoint.clientCertPem()), pem(endpoint.clientKeyPem()));
            }
            return tls.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot set up TLS towards the API server: " + e.getMessage(), e);
        }
    }

    static InputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private Credentials credentials(ClusterEndpoint endpoint) {
        if (endpoint.tokenFile() != null) {
            return new TokenFileCredentials(endpoint.tokenFile(), TOKEN_REFRESH_MILLIS);
        }
        return endpoint.token() != null ? Credentials.token(endpoint.token()) : Credentials.none();
    }
}
