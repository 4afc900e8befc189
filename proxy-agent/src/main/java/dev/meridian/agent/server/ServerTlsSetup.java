package dev.meridian.agent.server;

import dev.meridian.agent.AgentException;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.tls.CaSecretPublisher;
import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.agent.tls.SelfSignedTls;
import dev.meridian.agent.tls.TlsStore;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies the listener's TLS mode to server options; returns the CA when it is self-signed. */
final class ServerTlsSetup {
    private ServerTlsSetup() {
    }

    static Optional<String> apply(AgentConfig config, HttpServerOptions options) {
        ServerTls tls = config.tls();
        if (tls instanceof ServerTls.Plain) {
            return Optional.empty();
        }
        options.setSsl(true).setUseAlpn(true).setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
        if (tls instanceof ServerTls.Provided p) {
            try {
                options.setKeyCertOptions(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(Files.readString(p.certificate())))
                        .addKeyValue(Buffer.buffer(Files.readString(p.key()))));
            } catch (IOException e) {
                throw new AgentException("cannot read the TLS certificate or key: " + e.getMessage(), e);
            }
            return Optional.empty();
        }
        ServerTls.SelfSigned s = (ServerTls.SelfSigned) tls;
        List<String> names = new ArrayList<>(s.subjectAlternativeNames());
        names.addAll(SelfSignedTls.defaultNames(config.namespace()));
        GeneratedTls generated = TlsStore.loadOrCreate(s.directory(), names);
        options.setKeyCertOptions(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(generated.certificateChainPem()))
                .addKeyValue(Buffer.buffer(generated.privateKeyPem())));
        publish(config, generated.caCertificatePem());
        return Optional.of(generated.caCertificatePem());
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
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(fabric8Config(config.upstream())).build()) {
                new CaSecretPublisher(client).publish(config.namespace(), caPem);
            }
        }
    }

    private static Config fabric8Config(ClusterSource source) {
        if (source instanceof ClusterSource.Fabric8 f) {
            return f.config();
        }
        if (source instanceof ClusterSource.Kubeconfig k) {
            try {
                return Config.fromKubeconfig(k.context(), Files.readString(k.path()), k.path().toString());
            } catch (IOException e) {
                throw new AgentException("cannot read kubeconfig " + k.path() + ": " + e.getMessage(), e);
            }
        }
        return Config.autoConfigure(null);
    }
}
