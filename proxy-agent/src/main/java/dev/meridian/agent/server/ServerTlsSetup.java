package dev.meridian.agent.server;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.core.AgentException;
import dev.meridian.agent.tls.CaSecretPublisher;
import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.agent.tls.SelfSignedTls;
import dev.meridian.agent.tls.TlsStore;
import dev.meridian.agent.upstream.UpstreamFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The listener's TLS, from its mode: none, the operator's certificate, or a generated one. */
final class ServerTlsSetup {
    private ServerTlsSetup() {}

    /** The server's TLS context (null for plain HTTP) and, when self-signed, the CA clients should trust. */
    record Listener(SslContext tls, Optional<String> ca) {}

    static Listener apply(AgentConfig config, UpstreamFactory.TlsEngine engine) {
        ServerTls tls = config.tls();
        if (tls instanceof ServerTls.Plain) {
            return new Listener(null, Optional.empty());
        }
        if (tls instanceof ServerTls.Provided p) {
            try {
                return new Listener(
                        context(engine, Files.readString(p.certificate()), Files.readString(p.key())),
                        Optional.empty());
            } catch (IOException e) {
                throw new AgentException("cannot read the TLS certificate or key: " + e.getMessage(), e);
            }
        }
        ServerTls.SelfSigned s = (ServerTls.SelfSigned) tls;
        List<String> names = new ArrayList<>(s.subjectAlternativeNames());
        names.addAll(SelfSignedTls.defaultNames(config.namespace()));
        GeneratedTls generated = TlsStore.loadOrCreate(s.directory(), names);
        SslContext context = context(engine, generated.certificateChainPem(), generated.privateKeyPem());
        publish(config, generated.caCertificatePem());
        return new Listener(context, Optional.of(generated.caCertificatePem()));
    }

    /**
     * HTTP/2 and HTTP/1.1 offered by ALPN, HTTP/2's cipher suites first. The key may be PKCS#8,
     * PKCS#1 RSA or SEC1 EC (Netty reads the last two through Bouncy Castle).
     */
    private static SslContext context(UpstreamFactory.TlsEngine engine, String certificatePem, String keyPem) {
        try {
            return SslContextBuilder.forServer(pem(certificatePem), pem(keyPem))
                    .sslProvider(engine.provider())
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2,
                            ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (Exception e) {
            throw new AgentException("cannot use the TLS certificate and key: " + e.getMessage(), e);
        }
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void publish(AgentConfig config, String caPem) {
        if (config.caFile() != null) {
            try {
                TlsStore.writeAtomically(config.caFile(), caPem, false);
            } catch (IOException e) {
                throw new AgentException("cannot write the CA to " + config.caFile() + ": " + e.getMessage(), e);
            }
        }
        if (config.publishCaSecret()) {
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(fabric8Config(config.upstream()))
                    .build()) {
                new CaSecretPublisher(client).publish(config.namespace(), caPem);
            }
        }
    }

    // fabric8 deprecates the text form for removal; the file form would skip the error handling here.
    @SuppressWarnings("removal")
    private static Config fabric8Config(ClusterSource source) {
        if (source instanceof ClusterSource.Fabric8 f) {
            return f.config();
        }
        if (source instanceof ClusterSource.Kubeconfig k) {
            try {
                return Config.fromKubeconfig(
                        k.context(), Files.readString(k.path()), k.path().toString());
            } catch (IOException e) {
                throw new AgentException("cannot read kubeconfig " + k.path() + ": " + e.getMessage(), e);
            }
        }
        return Config.autoConfigure(null);
    }
}
