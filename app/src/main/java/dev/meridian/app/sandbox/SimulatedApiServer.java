package dev.meridian.app.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Queue;

/**
 * An in-memory Kubernetes API server on loopback (fabric8's mock in CRUD mode) that kubectl can
 * talk to: it serves discovery and refuses fast what it cannot do. Serves HTTPS with a
 * self-signed certificate; it does not check credentials (the agent in front of it does).
 */
public final class SimulatedApiServer implements AutoCloseable {
    /** The mock logs every request at INFO through java.util.logging; a running sandbox is not a test. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public SimulatedApiServer() {
        HashMap<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                responses,
                new SandboxDispatcher(new KubernetesMixedDispatcher(responses)),
                true);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    /**
     * A server on {@code port} (0: any free port) that keeps its TLS key and certificate in {@code home}, so a
     * restart presents the same certificate. For now it generates a new certificate each time, as the plain
     * constructor does (the agents in front re-read it at every start, so clients see no difference).
     */
    public SimulatedApiServer(int port, java.nio.file.Path home) {
        HashMap<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                responses,
                new SandboxDispatcher(new KubernetesMixedDispatcher(responses)),
                true);
        server.init(InetAddress.getLoopbackAddress(), port);
        client = server.createClient();
    }

    /** A client with full access, for seeding and inspecting the simulated cluster. */
    public KubernetesClient client() {
        return client;
    }

    public String url() {
        return "https://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    /** PEM of the certificate this server presents, to verify it upstream. */
    public String certificatePem() {
        try {
            return java.nio.file.Files.readString(
                    java.nio.file.Path.of(server.getSelfSignedCertificate().certificatePath()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the simulated API server's certificate", e);
        }
    }

    /** A fabric8 configuration that reaches this server with the given bearer token. */
    public Config config(String token) {
        Config config = new io.fabric8.kubernetes.client.ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withTrustCerts(true)
                .withOauthToken(token)
                .build();
        return config;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
