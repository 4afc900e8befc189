package dev.meridian.app.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;

/**
 * A TCP relay on loopback that holds every chunk for a fixed delay in each direction, to
 * simulate the distance to a region. It relays TLS untouched, so clients still verify the
 * server behind it. Chunks keep their order: equal delays fire in the order they were set.
 */
public final class LatencyProxy implements AutoCloseable {
    private final NetServer server;
    private final NetClient client;

    private LatencyProxy(NetServer server, NetClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts a relay to 127.0.0.1:targetPort on any free port, delaying each direction by {@code oneWay}. */
    public static LatencyProxy start(Vertx vertx, int targetPort, Duration oneWay) {
        return start(vertx, 0, targetPort, oneWay);
    }

    /** Starts a relay on 127.0.0.1:listenPort (0: any free port) to 127.0.0.1:targetPort. */
    public static LatencyProxy start(Vertx vertx, int listenPort, int targetPort, Duration oneWay) {
        NetClient client = vertx.createNetClient();
        NetServer server =
                vertx.createNetServer().connectHandler(inbound -> relay(vertx, client, inbound, targetPort, oneWay));
        Future<NetServer> listening = server.listen(listenPort, "127.0.0.1");
        try {
            listening.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the latency relay could not listen on loopback", e);
        }
        return new LatencyProxy(server, client);
    }

    private static void relay(Vertx vertx, NetClient client, NetSocket inbound, int targetPort, Duration oneWay) {
        inbound.pause();
        client.connect(targetPort, "127.0.0.1").onComplete(result -> {
            if (result.failed()) {
                inbound.close();
                return;
            }
            NetSocket outbound = result.result();
            pipeDelayed(vertx, inbound, outbound, oneWay);
            pipeDelayed(vertx, outbound, inbound, oneWay);
            inbound.resume();
        });
    }

    private static void pipeDelayed(Vertx vertx, NetSocket from, NetSocket to, Duration delay) {
        long millis = Math.max(1, delay.toMillis());
        from.handler(chunk -> {
            Buffer copy = chunk.copy();
            vertx.setTimer(millis, id -> to.write(copy));
        });
        from.endHandler(v -> vertx.setTimer(millis, id -> to.close()));
        from.exceptionHandler(error -> to.close());
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
