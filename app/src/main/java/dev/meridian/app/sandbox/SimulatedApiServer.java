package dev.meridian.app.sandbox;

import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.agent.tls.SelfSignedTls;
import dev.meridian.agent.tls.TlsStore;
import dev.meridian.app.sandbox.api.ApiFront;
import dev.meridian.app.sandbox.api.ApiStore;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-memory Kubernetes API server on loopback that kubectl and Meridian can talk to: HTTPS
 * with its own CA, in front of fabric8's CRUD mock as the store (see {@link ApiFront} for what
 * the front adds). It does not check credentials (the agent in front of it does). Given a
 * folder, it keeps its CA and certificate there, so a restart on the same port presents the
 * same certificate to clients that trusted it before.
 */
public final class SimulatedApiServer implements AutoCloseable {
    private static final List<String> NAMES = List.of("127.0.0.1", "localhost");

    private final Vertx vertx = Vertx.vertx();
    private final ApiStore store;
    private final ApiFront front;
    private final GeneratedTls tls;
    private final KubernetesClient client;

    /** A server on any free port with a certificate made for this run. */
    public SimulatedApiServer() {
        this(0, null);
    }

    /**
     * A server on {@code port} (0 for any) keeping its TLS and its objects under {@code home}
     * (null: a certificate made for this run, nothing kept).
     */
    public SimulatedApiServer(int port, Path home) {
        try {
            tls = home == null ? SelfSignedTls.generate(NAMES) : TlsStore.loadOrCreate(home.resolve("tls"), NAMES);
            store = ApiStore.start();
            front = ApiFront.start(vertx, store.port(), tls, port, home == null ? null : home.resolve("objects.json"));
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        client =
                new KubernetesClientBuilder().withConfig(config("sandbox-seed")).build();
    }

    /** A client with full access, for seeding and inspecting the simulated cluster. */
    public KubernetesClient client() {
        return client;
    }

    public String url() {
        return "https://127.0.0.1:" + port();
    }

    public int port() {
        return front.port();
    }

    /** PEM of the CA that signed this server's certificate, to verify it upstream. */
    public String certificatePem() {
        return tls.caCertificatePem();
    }

    /** Deployments matching this get their pods and rollout status from the caller, not from the server. */
    public void rolledOutElsewhere(java.util.function.Predicate<java.util.Map<String, Object>> deployments) {
        front.rolledOutElsewhere(deployments);
    }

    /** Watches open now; each ends when its client goes or the server closes. */
    public int openWatches() {
        return front.openWatches();
    }

    /** A fabric8 configuration that reaches this server with the given bearer token. */
    public Config config(String token) {
        return new io.fabric8.kubernetes.client.ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withCaCertData(java.util.Base64.getEncoder()
                        .encodeToString(tls.caCertificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .withOauthToken(token)
                .build();
    }

    @Override
    public void close() {
        client.close();
        front.close();
        store.close();
        vertx.close();
    }
}
