package dev.meridian.app.sandbox;

import dev.meridian.installer.manifest.AgentNames;
import dev.meridian.installer.manifest.IngressManifest;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatus;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingress-nginx and cert-manager do for the agent's Ingress on one sandbox cluster: while an
 * Ingress routes to Service {@code loft-agent}, a loopback TLS listener serves its host and relays to
 * the agent {@link InstalledAgents} runs; its address goes into the Ingress's status (with the port,
 * since the sandbox cannot take 443); an Ingress naming a cluster issuer gets its TLS Secret (tls.crt,
 * tls.key, ca.crt) from the sandbox CA. The listener keeps its port across sandbox restarts when it can.
 */
final class ServedIngresses implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServedIngresses.class);
    static final String BACKEND_PROTOCOL = "nginx.ingress.kubernetes.io/backend-protocol";
    private static final String ALT_NAMES = "cert-manager.io/alt-names";

    private final String clusterName;
    private final SimulatedApiServer api;
    private final InstalledAgents agents;
    private final SandboxIssuer issuer;
    private final Vertx vertx;
    private final Path portFile;
    private final SharedIndexInformer<Ingress> informer;
    private String served;
    private IngressListener listener;
    private String certificate;
    private volatile boolean backendTls;

    ServedIngresses(
            String clusterName,
            SimulatedApiServer api,
            InstalledAgents agents,
            SandboxIssuer issuer,
            Vertx vertx,
            Path home) {
        this.clusterName = clusterName;
        this.api = api;
        this.agents = agents;
        this.issuer = issuer;
        this.vertx = vertx;
        this.portFile = home.resolve("ingress-port");
        this.informer = api.client()
                .network()
                .v1()
                .ingresses()
                .inAnyNamespace()
                .inform(Reconciling.handler(this::serve, i -> stop(key(i))), 0);
    }

    /** The listener's port while an Ingress is served. */
    synchronized Optional<Integer> port() {
        return Optional.ofNullable(listener).map(IngressListener::port);
    }

    private synchronized void serve(Ingress ingress) {
        Optional<String> host = agentHost(ingress);
        if (host.isEmpty() || (served != null && !served.equals(key(ingress)))) {
            return;
        }
        String namespace = ingress.getMetadata().getNamespace();
        Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null
                ? Map.of()
                : ingress.getMetadata().getAnnotations();
        backendTls = "HTTPS".equalsIgnoreCase(annotations.get(BACKEND_PROTOCOL));
        String issuerName = annotations.get(IngressManifest.CLUSTER_ISSUER);
        String secretName = ingress.getSpec().getTls() == null
                ? null
                : ingress.getSpec().getTls().stream()
                        .map(t -> t.getSecretName())
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        Secret existing = secretName == null
                ? null
                : api.client()
                        .secrets()
                        .inNamespace(namespace)
                        .withName(secretName)
                        .get();
        boolean issue = issuerName != null && secretName != null && !issuedFor(existing, host.get());
        SandboxIssuer.Issued tls =
                issue ? issuer.issue(host.get()) : fromSecret(existing).orElse(null);
        if (tls == null && listener != null) {
            reportAddress(ingress, listener.port());
            return;
        }
        if (tls == null) {
            // ingress-nginx serves its own certificate while the Secret is missing; nothing records its CA
            tls = issuer.issue(host.get());
        }
        try {
            if (listener == null) {
                listener = startListener(tls, namespace);
                served = key(ingress);
                certificate = tls.certificatePem();
                LOG.info(
                        "sandbox cluster {}: ingress for {} listening on 127.0.0.1:{}",
                        clusterName,
                        host.get(),
                        listener.port());
            } else if (!tls.certificatePem().equals(certificate)) {
                listener.updateCertificate(tls.certificatePem(), tls.keyPem());
                certificate = tls.certificatePem();
            }
            reportAddress(ingress, listener.port());
            if (issue) {
                writeSecret(namespace, secretName, issuerName, host.get(), tls);
            }
        } catch (RuntimeException e) {
            LOG.warn("sandbox cluster {}: cannot serve Ingress {}: {}", clusterName, key(ingress), e.getMessage());
        }
    }

    private IngressListener startListener(SandboxIssuer.Issued tls, String namespace) {
        int preferred = readPort();
        IngressListener started;
        try {
            started = start(preferred, tls, namespace);
        } catch (IllegalStateException busy) {
            if (preferred == 0) {
                throw busy;
            }
            started = start(0, tls, namespace);
        }
        writePort(started.port());
        return started;
    }

    private IngressListener start(int port, SandboxIssuer.Issued tls, String namespace) {
        return IngressListener.start(
                vertx, port, tls.certificatePem(), tls.keyPem(), () -> agents.agent(namespace), () -> backendTls);
    }

    /** The host of the Ingress's first rule whose backend is Service {@code loft-agent}. */
    static Optional<String> agentHost(Ingress ingress) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return Optional.empty();
        }
        for (IngressRule rule : ingress.getSpec().getRules()) {
            List<HTTPIngressPath> paths =
                    rule.getHttp() == null ? List.of() : rule.getHttp().getPaths();
            boolean toAgent = paths.stream()
                    .anyMatch(p -> p.getBackend() != null
                            && p.getBackend().getService() != null
                            && AgentNames.AGENT.equals(
                                    p.getBackend().getService().getName()));
            if (toAgent && rule.getHost() != null) {
                return Optional.of(rule.getHost());
            }
        }
        return Optional.empty();
    }

    /** Whether the Secret holds a certificate the sandbox issued for {@code host}. */
    private static boolean issuedFor(Secret secret, String host) {
        return secret != null
                && secret.getMetadata().getAnnotations() != null
                && host.equals(secret.getMetadata().getAnnotations().get(ALT_NAMES))
                && fromSecret(secret).isPresent();
    }

    private static Optional<SandboxIssuer.Issued> fromSecret(Secret secret) {
        if (secret == null || secret.getData() == null) {
            return Optional.empty();
        }
        String cert = decoded(secret.getData().get("tls.crt"));
        String key = decoded(secret.getData().get("tls.key"));
        return cert.isBlank() || key.isBlank()
                ? Optional.empty()
                : Optional.of(new SandboxIssuer.Issued(
                        cert, key, decoded(secret.getData().get("ca.crt"))));
    }

    private static String decoded(String base64) {
        return base64 == null ? "" : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** As ingress-nginx publishes the address; the port, which it leaves out at 443, is the sandbox's own. */
    private void reportAddress(Ingress ingress, int port) {
        IngressStatus status = new IngressStatusBuilder()
                .withNewLoadBalancer()
                .addNewIngress()
                .withIp("127.0.0.1")
                .addNewPort()
                .withPort(port)
                .withProtocol("TCP")
                .endPort()
                .endIngress()
                .endLoadBalancer()
                .build();
        if (status.equals(ingress.getStatus())) {
            return;
        }
        ingress.setStatus(status);
        api.client()
                .network()
                .v1()
                .ingresses()
                .inNamespace(ingress.getMetadata().getNamespace())
                .resource(ingress)
                .updateStatus();
    }

    /** The Secret as cert-manager writes it for a CA issuer: the chain, the key and the issuing CA. */
    private void writeSecret(String namespace, String name, String issuerName, String host, SandboxIssuer.Issued tls) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ALT_NAMES, host);
        annotations.put("cert-manager.io/common-name", host);
        annotations.put("cert-manager.io/issuer-name", issuerName);
        annotations.put("cert-manager.io/issuer-kind", "ClusterIssuer");
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withAnnotations(annotations)
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", encoded(tls.certificatePem()))
                .addToData("tls.key", encoded(tls.keyPem()))
                .addToData("ca.crt", encoded(tls.caPem()))
                .build();
        try {
            api.client().secrets().inNamespace(namespace).resource(secret).createOr(s -> s.update());
        } catch (KubernetesClientException e) {
            LOG.warn("sandbox cluster {}: cannot write Secret {}/{}: {}", clusterName, namespace, name, e.getMessage());
        }
    }

    private static String encoded(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private int readPort() {
        try {
            return Files.isRegularFile(portFile)
                    ? Integer.parseInt(Files.readString(portFile).strip())
                    : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void writePort(int port) {
        try {
            Files.createDirectories(portFile.getParent());
            Files.writeString(portFile, Integer.toString(port));
        } catch (IOException e) {
            LOG.debug("cannot keep the ingress port in {}: {}", portFile, e.getMessage());
        }
    }

    private static String key(Ingress ingress) {
        return ingress.getMetadata().getNamespace() + "/"
                + ingress.getMetadata().getName();
    }

    private synchronized void stop(String key) {
        if (listener != null && key.equals(served)) {
            listener.close();
            LOG.info("sandbox cluster {}: ingress {} removed, listener stopped", clusterName, key);
            listener = null;
            served = null;
            certificate = null;
        }
    }

    @Override
    public synchronized void close() {
        informer.close();
        if (served != null) {
            stop(served);
        }
    }
}
