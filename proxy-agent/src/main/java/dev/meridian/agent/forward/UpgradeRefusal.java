package dev.meridian.agent.forward;

import dev.meridian.agent.http.ClientRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-101 answer (403 for a user without {@code pods/exec}, 400...) goes to the client as an
 * ordinary response, whole, so kubectl prints the API server's Status; then the upstream
 * connection closes. An answer that never ends is cut by the upstream idle timeout.
 */
final class UpgradeRefusal extends IdleClosingHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeRefusal.class);
    /** A refusal is a short Status; a longer answer to an upgrade is not passed on. */
    private static final int MAX_REFUSAL = 1024 * 1024;

    private final Exchange exchange;
    private final Channel up;
    private boolean done;

    /**
     * Takes over from the head reader at {@code ctx}: everything read so far, head included, goes
     * through an HTTP decoder (the refusal's body may be chunked or end with the connection).
     */
    static void relay(ChannelHandlerContext ctx, Exchange exchange, Channel up, ByteBuf readSoFar) {
        ctx.pipeline().addAfter(ctx.name(), "refusal-decoder", new HttpResponseDecoder());
        ctx.pipeline().addAfter("refusal-decoder", "refusal-body", new HttpObjectAggregator(MAX_REFUSAL));
        ctx.pipeline().addAfter("refusal-body", "refusal", new UpgradeRefusal(exchange, up));
        ctx.pipeline().remove(ctx.handler());
        ctx.fireChannelRead(readSoFar);
    }

    private UpgradeRefusal(Exchange exchange, Channel up) {
        this.exchange = exchange;
        this.up = up;
        exchange.request.onAbort(() -> {
            done = true;
            up.close();
            exchange.aborted();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || !(msg instanceof FullHttpResponse answer)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (answer.status().codeClass() == HttpStatusClass.INFORMATIONAL
                && !answer.decoderResult().isFailure()) {
            // An interim answer (102, 103) is not the refusal: the final one follows.
            answer.release();
            return;
        }
        done = true;
        if (answer.decoderResult().isFailure()) {
            answer.release();
            fail("a malformed answer: " + answer.decoderResult().cause());
            return;
        }
        ClientRequest req = exchange.request;
        req.onAbort(null);
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory()
                .withNameValidation(false)
                .withValueValidation(false)
                .newHeaders();
        HeaderRules.copyResponseHeaders(answer.headers(), answer.headers().getAll("Connection"), headers);
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        req.response().respond(answer.status(), headers, answer.content().retain());
        answer.release();
        up.close();
        exchange.complete(answer.status().code());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!done) {
            done = true;
            fail("the connection closed before the answer ended");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!done) {
            done = true;
            fail(cause.toString());
        }
        ctx.close();
    }

    private void fail(String why) {
        LOG.warn("upstream refused the upgrade of {} with {}", exchange.request.uri(), why);
        up.close();
        exchange.request.onAbort(null);
        exchange.refuse(StatusResponses.UPSTREAM_UNREACHABLE);
    }
}
