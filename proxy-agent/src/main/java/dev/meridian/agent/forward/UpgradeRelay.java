package dev.meridian.agent.forward;

import dev.meridian.agent.http.ClientRequest;
import dev.meridian.agent.upstream.Upstream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays an upgrade (SPDY/3.1 for exec/attach/port-forward, WebSocket for the channel
 * protocols) over a connection of its own to the upstream: the request head is written by
 * hand, the response head parsed, and after a 101 both connections are spliced byte for byte,
 * each pausing the other while it cannot take more. Any other answer is relayed to the client
 * as a normal response. Raw, because kubectl's SPDY upgrades are POSTs, which HTTP clients
 * rarely upgrade.
 */
final class UpgradeRelay {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeRelay.class);
    private static final int MAX_HEAD = 64 * 1024;

    private UpgradeRelay() {}

    static void relay(Exchange exchange, Upstream upstream, String uri, HttpHeaders headers) {
        ClientRequest req = exchange.request;
        req.pause();
        // The client may leave at any point, even before the API server is reached: the exchange
        // then ends at once, and a connection that comes up for no one is closed.
        Channel[] up = new Channel[1];
        boolean[] gone = new boolean[1];
        req.onAbort(() -> {
            gone[0] = true;
            if (up[0] != null) {
                up[0].close();
            }
            exchange.aborted();
        });
        if (gone[0]) {
            return;
        }
        upstream.channels().connectRaw(req.eventLoop()).addListener(f -> {
            if (!f.isSuccess()) {
                if (!gone[0]) {
                    LOG.warn(
                            "cannot reach the upstream for {}: {}",
                            exchange.loggableUri(),
                            f.cause().toString());
                    req.onAbort(null);
                    exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
                }
                return;
            }
            Channel channel = (Channel) f.getNow();
            if (gone[0]) {
                channel.close();
                return;
            }
            up[0] = channel;
            channel.pipeline().addLast("upgrade", new AnswerReader(exchange, channel));
            channel.writeAndFlush(Unpooled.wrappedBuffer(requestHead(req, upstream, uri, headers)));
        });
    }

    private static byte[] requestHead(ClientRequest req, Upstream upstream, String uri, HttpHeaders headers) {
        StringBuilder head = new StringBuilder(512)
                .append(req.method().name())
                .append(' ')
                .append(uri)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(upstream.authority())
                .append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the upstream's answer head, then hands over to a splice or a relayed refusal. */
    private static final class AnswerReader extends IdleClosingHandler {
        private final Exchange exchange;
        private final Channel up;
        private final ResponseHead.Reader reader = new ResponseHead.Reader(MAX_HEAD);
        private boolean answered;

        AnswerReader(Exchange exchange, Channel up) {
            this.exchange = exchange;
            this.up = up;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (answered) {
                ctx.fireChannelRead(msg);
                return;
            }
            ResponseHead head;
            try {
                head = reader.feed(ByteBufUtil.getBytes((ByteBuf) msg));
            } catch (IllegalArgumentException e) {
                LOG.warn("upstream answered an upgrade of {} with garbage: {}", exchange.loggableUri(), e.getMessage());
                answered = true;
                up.close();
                exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
                return;
            } finally {
                ReferenceCountUtil.release(msg);
            }
            if (head != null) {
                answered = true;
                if (head.status() == 101) {
                    ctx.pipeline().remove(this);
                    splice(exchange, up, head, Unpooled.wrappedBuffer(reader.rest()));
                } else {
                    // Everything read so far, head included, goes through an HTTP decoder: the
                    // refusal's body may be chunked or end with the connection.
                    UpgradeRefusal.relay(ctx, exchange, up, Unpooled.wrappedBuffer(reader.all()));
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!answered) {
                answered = true;
                exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("upgrade connection to the upstream failed: {}", cause.toString());
            ctx.close();
        }
    }

    private static void splice(Exchange exchange, Channel up, ResponseHead head, ByteBuf early) {
        HttpHeaders headers = new DefaultHttpHeaders();
        // Upgrade and Connection are hop-by-hop, but a 101 must repeat them (RFC 9110 7.8).
        HeaderRules.copyResponseHeaders(head.headers(), head.headers().getAll("Connection"), headers);
        headers.set("Upgrade", head.headers().get("Upgrade")).set("Connection", "Upgrade");
        exchange.request.onAbort(null);
        Channel down = exchange.request.response().switchProtocols(headers);
        down.pipeline().addLast("splice", new Splice(up, () -> {
            up.close();
            exchange.complete(101);
        }));
        // The client's silence is not idleness: the upstream side's all-idle timeout governs.
        down.pipeline().remove("idle");
        down.pipeline().remove("http");
        up.pipeline().addLast("splice", new Splice(down, down::close));
        if (early.isReadable()) {
            down.writeAndFlush(early);
        } else {
            early.release();
        }
        down.config().setAutoRead(true);
        up.config().setAutoRead(true);
    }

    /** Copies what one connection reads to the other, reading no faster than the other writes. */
    private static final class Splice extends IdleClosingHandler {
        private final Channel peer;
        private final Runnable onClose;

        Splice(Channel peer, Runnable onClose) {
            this.peer = peer;
            this.onClose = onClose;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.writeAndFlush(msg);
            if (!peer.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                peer.config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            // What was read is written before the other side closes.
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> onClose.run());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("upgraded connection failed: {}", cause.toString());
            ctx.close();
        }
    }
}
