package dev.meridian.app.sandbox;

import dev.meridian.agent.server.RunningAgent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One sandbox cluster's ingress controller on loopback: it terminates TLS with the Ingress's
 * certificate and relays the decrypted stream to the agent behind Service {@code loft-agent}, as
 * ingress-nginx does for the installer's Ingress (HTTP/1.1 to the backend, so no HTTP/2 offered;
 * watches and upgrades pass through untouched). The backend is looked up per connection, so an
 * agent restarted by an upgrade is reached without restarting the listener.
 */
final class IngressListener implements AutoCloseable {
    private static final String NO_BACKEND = "HTTP/1.1 503 Service Temporarily Unavailable\r\n"
            + "content-type: text/plain\r\ncontent-length: 41\r\nconnection: close\r\n\r\n"
            + "no agent behind the Ingress is running.\n";

    private final NetServer server;
    private final NetClient plain;
    private final NetClient tls;

    private IngressListener(NetServer server, NetClient plain, NetClient tls) {
        this.server = server;
        this.plain = plain;
        this.tls = tls;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 for any free port) with the given certificate.
     *
     * @param backend the agent to relay to, if one runs
     * @param backendTls whether the Ingress asks for HTTPS to the backend (not verified, as nginx does by default)
     */
    static IngressListener start(
            Vertx vertx,
            int port,
            String certificatePem,
            String keyPem,
            Supplier<Optional<RunningAgent>> backend,
            Supplier<Boolean> backendTls) {
        NetClient plain = vertx.createNetClient();
        NetClient tls =
                vertx.createNetClient(new NetClientOptions().setSsl(true).setTrustAll(true));
        NetServer server = vertx.createNetServer(
                new NetServerOptions().setSsl(true).setKeyCertOptions(keyCert(certificatePem, keyPem)));
        IngressListener listener = new IngressListener(server, plain, tls);
        server.connectHandler(inbound -> listener.relay(inbound, backend.get(), backendTls.get()));
        try {
            server.listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            listener.close();
            throw new IllegalStateException("the sandbox ingress could not listen on 127.0.0.1:" + port, e);
        }
        return listener;
    }

    int port() {
        return server.actualPort();
    }

    /** Serves a renewed or replaced certificate from the next handshake on. */
    void updateCertificate(String certificatePem, String keyPem) {
        try {
            server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(keyCert(certificatePem, keyPem)))
                    .await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the sandbox ingress cannot use the new certificate", e);
        }
    }

    private static PemKeyCertOptions keyCert(String certificatePem, String keyPem) {
        return new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificatePem))
                .setKeyValue(Buffer.buffer(keyPem));
    }

    private void relay(NetSocket inbound, Optional<RunningAgent> agent, boolean backendTls) {
        if (agent.isEmpty()) {
            inbound.write(NO_BACKEND).onComplete(done -> inbound.close());
            return;
        }
        inbound.pause();
        (backendTls ? tls : plain).connect(agent.get().port(), "127.0.0.1").onComplete(result -> {
            if (result.failed()) {
                inbound.write(NO_BACKEND).onComplete(done -> inbound.close());
                return;
            }
            NetSocket outbound = result.result();
            pipe(inbound, outbound);
            pipe(outbound, inbound);
            inbound.resume();
        });
    }

    private static void pipe(NetSocket from, NetSocket to) {
        from.handler(chunk -> {
            to.write(chunk);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
        from.endHandler(v -> to.end());
        from.exceptionHandler(error -> to.close());
        from.closeHandler(v -> to.close());
    }

    @Override
    public void close() {
        try {
            server.close().await(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // stopping anyway; the port is released with the event loop at the latest
        }
        plain.close();
        tls.close();
    }
}
