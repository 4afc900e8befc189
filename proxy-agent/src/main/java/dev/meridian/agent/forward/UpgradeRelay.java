package dev.meridian.agent.forward;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splices an upgraded connection (SPDY/3.1 for exec/attach/port-forward, WebSocket for the
 * channel protocols) byte for byte once the upstream has answered 101: the client gets the
 * upstream's 101 and its headers, then both sockets are piped into each other.
 */
final class UpgradeRelay {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeRelay.class);

    private UpgradeRelay() {
    }

    static void splice(Exchange exchange, HttpClientResponse upstream101) {
        NetSocket up = upstream101.netSocket();
        up.pause();
        HttpServerResponse out = exchange.request.response();
        out.setStatusCode(101);
        // Upgrade and Connection are hop-by-hop, but a 101 must repeat them (RFC 7230 6.7).
        HeaderRules.copyResponseHeaders(upstream101.headers(), out.headers());
        out.headers().set("Upgrade", upstream101.getHeader("Upgrade")).set("Connection", "Upgrade");
        exchange.request.toNetSocket()
                .onSuccess(down -> {
                    down.closeHandler(v -> {
                        up.close();
                        exchange.complete(101);
                    });
                    up.closeHandler(v -> down.close());
                    down.pipeTo(up);
                    up.pipeTo(down);
                    up.resume();
                })
                .onFailure(e -> {
                    LOG.warn("cannot take over the client connection for {}: {}", exchange.request.uri(), e.getMessage());
                    up.close();
                    exchange.complete(502);
                });
    }
}
