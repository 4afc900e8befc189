package dev.meridian.agent.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Relays an upgrade (SPDY/3.1 for exec/attach/port-forward, WebSocket for the channel
 * protocols) over a raw connection to the upstream: the request head is written by hand, the
 * response head parsed, and after a 101 both sockets are spliced byte for byte. Any other
 * answer is relayed to the client as a normal response. A raw socket is used because the
 * HTTP client only supports GET upgrades reliably, while kubectl's SPDY requests are POSTs.
 */
final class UpgradeRelay {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeRelay.class);
    private static final int MAX_HEAD = 64 * 1024;

    private UpgradeRelay() {
    }

    static void relay(Exchange exchange, Upstream upstream, String uri, MultiMap headers, long connectTimeoutMillis) {
        exchange.request.pause();
        upstream.netClient().connect(upstream.port(), upstream.host(), upstream.host())
                .onSuccess(up -> {
                    up.pause();
                    ResponseHead.Reader reader = new ResponseHead.Reader(MAX_HEAD);
                    up.handler(data -> {
                        ResponseHead head;
                        try {
                            head = reader.feed(data);
                        } catch (IllegalArgumentException e) {
                            LOG.warn("upstream answered an upgrade of {} with garbage: {}", exchange.request.uri(), e.getMessage());
                            up.close();
                            exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
                            return;
                        }
                        if (head != null) {
                            up.handler(null);
                            up.pause();
                            answered(exchange, up, head, reader.rest());
                        }
                    });
                    up.closeHandler(v -> exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE));
                    up.write(requestHead(exchange, upstream, uri, headers));
                    up.resume();
                })
                .onFailure(e -> {
                    LOG.warn("cannot reach the upstream for {}: {}", exchange.request.uri(), e.toString());
                    exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
                });
    }

    private static Buffer requestHead(Exchange exchange, Upstream upstream, String uri, MultiMap headers) {
        StringBuilder head = new StringBuilder(512)
                .append(exchange.request.method().name()).append(' ').append(uri).append(" HTTP/1.1\r\n")
                .append("Host: ").append(upstream.authority()).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return Buffer.buffer(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void answered(Exchange exchange, NetSocket up, ResponseHead head, Buffer early) {
        HttpServerResponse out = exchange.request.response();
        up.closeHandler(null);
        if (head.status() != 101) {
            relayRefusal(exchange, up, head, early);
            return;
        }
        out.setStatusCode(101);
        // Upgrade and Connection are hop-by-hop, but a 101 must repeat them (RFC 7230 6.7).
        HeaderRules.copyResponseHeaders(head.headers(), out.headers());
        out.headers().set("Upgrade", head.headers().get("Upgrade")).set("Connection", "Upgrade");
        ConnectionTakeover.toNetSocket(exchange.request)
                .onSuccess(down -> splice(exchange, up, down, early))
                .onFailure(e -> {
                    LOG.warn("cannot take over the client connection for {}: {}", exchange.request.uri(), e.getMessage());
                    up.close();
                    exchange.complete(502);
                });
    }

    private static void splice(Exchange exchange, NetSocket up, NetSocket down, Buffer early) {
        if (early.length() > 0) {
            down.write(early);
        }
        down.closeHandler(v -> {
            up.close();
            exchange.complete(101);
        });
        up.closeHandler(v -> down.close());
        down.pipeTo(up);
        up.pipeTo(down);
    }

    /** A non-101 answer (403, 400...) goes to the client as an ordinary response, then the upstream socket closes. */
    private static void relayRefusal(Exchange exchange, NetSocket up, ResponseHead head, Buffer early) {
        HttpServerResponse out = exchange.request.response();
        out.setStatusCode(head.status());
        HeaderRules.copyResponseHeaders(head.headers(), out.headers());
        long length = head.contentLength();
        if (length < 0) {
            out.setChunked(true);
        }
        long[] remaining = {length < 0 ? Long.MAX_VALUE : length};
        java.util.function.Consumer<Buffer> write = b -> {
            Buffer part = b.length() > remaining[0] ? b.getBuffer(0, (int) remaining[0]) : b;
            remaining[0] -= part.length();
            out.write(part);
            if (remaining[0] == 0) {
                up.close();
            }
        };
        up.closeHandler(v -> {
            out.end();
            exchange.complete(head.status());
        });
        if (early.length() > 0) {
            write.accept(early);
        }
        if (remaining[0] > 0) {
            up.handler(write::accept);
            up.resume();
        }
    }
}
