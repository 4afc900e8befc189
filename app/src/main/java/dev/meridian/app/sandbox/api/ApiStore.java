package dev.meridian.app.sandbox.api;

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
 * The in-memory store behind a simulated API server: fabric8's mock in CRUD mode on plain HTTP
 * at a loopback port only the front uses.
 */
public final class ApiStore implements AutoCloseable {
    /** The mock logs every request at INFO through java.util.logging; a running sandbox is not a test. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;

    private ApiStore(KubernetesMockServer server) {
        this.server = server;
    }

    public static ApiStore start() {
        HashMap<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                responses,
                new SandboxDispatcher(new KubernetesMixedDispatcher(responses)),
                false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new ApiStore(server);
    }

    public int port() {
        return server.getPort();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
