package dev.meridian.agent.forward;

import dev.meridian.agent.http.ClientRequest;
import dev.meridian.agent.http.ClientResponse;
import dev.meridian.agent.upstream.Upstream;
import dev.meridian.agent.upstream.UpstreamChannels;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request relayed to the API server over a connection from {@link UpstreamChannels}, on
 * the event loop of the client's connection. Bodies stream both ways with back-pressure (the
 * client is paused while the upstream connection cannot take more; the upstream connection
 * stops reading while the client cannot); each chunk is flushed as it comes, which is what
 * watches need. A small answer of known length is sent with its head in one write.
 * Ends exactly once: answered, timed out (idle or total), or abandoned by either side.
 */
final class UpstreamCall implements UpstreamChannels.Call {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamCall.class);
    private static final long SMALL_BODY = 16 * 1024;
    private static final DefaultHttpHeadersFactory REQUEST_HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withNameValidation(false);

    private final Exchange exchange;
    private final Upstream upstream;
    private final String uri;
    private final ProxyMetrics metrics;
    /** When this request has lived as long as it may (System.nanoTime), counted from its arrival. */
    private final long deadlineNanos;

    private final ClientRequest req;
    private final ClientResponse res;
    private final boolean requestBody;
    private Channel ch;
    private boolean reused;
    private boolean requestSent;
    private boolean answered;
    private boolean informational;
    private boolean keepAlive;
    private boolean small;
    private boolean finished;
    private int status;
    private HttpResponse answer;
    private HttpHeaders answerHeaders;
    private ByteBuf body;

    UpstreamCall(
            Exchange exchange,
            Upstream upstream,
            String uri,
            ProxyMetrics metrics,
            long totalMillis,
            boolean requestBody) {
        this.exchange = exchange;
        this.upstream = upstream;
        this.uri = uri;
        this.metrics = metrics;
        // Capped far beyond any real limit, so that adding it to a nanoTime cannot overflow.
        this.deadlineNanos =
                exchange.startNanos + Math.min(TimeUnit.MILLISECONDS.toNanos(totalMillis), Long.MAX_VALUE >> 2);
        this.req = exchange.request;
        this.res = req.response();
        this.requestBody = requestBody;
    }

    /** Sends the request once a connection is ready, unless the client has gone already. */
    void start() {
        req.onAbort(this::clientGone);
        if (!finished) {
            // (Finished already when the client left while the request waited on its review.)
            connect(req.eventLoop());
        }
    }

    private void connect(EventLoop loop) {
        upstream.channels().obtain(loop, this::send, cause -> fail(cause.toString(), false));
    }

    private void send(Channel channel) {
        if (finished) {
            upstream.channels().release(channel);
            return;
        }
        ch = channel;
        reused = UpstreamChannels.attach(ch, this);
        // Names come from the client's head (validated as it was read) or are the agent's own;
        // values are checked, so an identity with a line break in it cannot become a header.
        HttpHeaders headers = REQUEST_HEADERS.newHeaders();
        io.netty.handler.codec.http.HttpMethod method;
        try {
            headers.add(HttpHeaderNames.HOST, upstream.channels().hostHeader());
            HeaderRules.copyRequestHeaders(req.headers(), headers);
            Forwarder.addAgentHeaders(headers::add, exchange, upstream);
            method = req.method();
        } catch (IllegalArgumentException e) {
            // Header values are validated: an identity with a line break in it is refused, never sent.
            if (abandon()) {
                LOG.warn("cannot forward {}: {}", exchange.loggableUri(), e.getMessage());
                exchange.refuse(StatusResponses.UNFORWARDABLE);
            }
            return;
        }
        if (!requestBody) {
            // No promise: a failed write reaches the connection's handler, which ends the call.
            ch.writeAndFlush(
                    new DefaultFullHttpRequest(
                            HttpVersion.HTTP_1_1,
                            method,
                            uri,
                            Unpooled.EMPTY_BUFFER,
                            headers,
                            EmptyHttpHeaders.INSTANCE),
                    ch.voidPromise());
            requestSent = true;
            req.resume();
            return;
        }
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri, headers);
        if (HttpUtil.is100ContinueExpected(head)) {
            // The client sends its body only once the API server's 100 Continue reaches it.
            ch.writeAndFlush(head, ch.voidPromise());
        } else {
            ch.write(head, ch.voidPromise());
        }
        IdleStateHandler idle = ch.pipeline().get(IdleStateHandler.class);
        req.body(
                chunk -> {
                    if (finished) {
                        return;
                    }
                    // An API server reading a long upload says nothing until the end: sending is not idling.
                    idle.resetReadTimeout();
                    ch.writeAndFlush(new DefaultHttpContent(chunk.retain()), ch.voidPromise());
                    if (!ch.isWritable()) {
                        req.pause();
                    }
                },
                () -> {
                    if (finished) {
                        return;
                    }
                    ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, ch.voidPromise());
                    requestSent = true;
                });
        req.resume();
    }

    /** A connection that was waiting in the pool may have been closed by the server meanwhile. */
    private boolean retryable() {
        return reused && !answered && !requestBody && !finished;
    }

    @Override
    public void onMessage(Object msg) {
        if (finished) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse head) {
            if (head.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                ch.close();
                return;
            }
            head(head);
        }
        if (msg instanceof HttpContent content) {
            content(content);
        }
    }

    private void head(HttpResponse head) {
        int code = head.status().code();
        answered = true;
        if (code < 200) {
            // 100 Continue is passed on; other interim answers are not; the final answer follows.
            informational = true;
            if (code == 100) {
                res.writeContinue();
            }
            return;
        }
        status = code;
        metrics.upstreamHead(System.nanoTime() - exchange.startNanos);
        HttpHeaders headers = head.headers();
        keepAlive = HttpUtil.isKeepAlive(head);
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        boolean chunked = headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
        small = length != null && !chunked && smallLength(length);
        // Names and values were validated as the head was read. What concerns only the upstream
        // connection is removed, and the answer's own map goes on to the client: no copy.
        HeaderRules.removeHopByHop(headers);
        answerHeaders = headers;
        answer = head;
        if (!small) {
            // Flushed at once: a watch's head comes long before its first event.
            res.head(head.status(), answerHeaders, true);
        }
    }

    private static boolean smallLength(String length) {
        try {
            return Long.parseLong(length.trim()) <= SMALL_BODY;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void content(HttpContent content) {
        if (informational) {
            content.release();
            informational = !(content instanceof LastHttpContent);
            return;
        }
        ByteBuf data = content.content();
        boolean last = content instanceof LastHttpContent;
        if (data.isReadable()) {
            // Passed on as read, no copy: both connections are on this event loop.
            if (small) {
                if (body == null) {
                    body = data.retain();
                } else {
                    CompositeByteBuf parts = body instanceof CompositeByteBuf c
                            ? c
                            : ch.alloc().compositeBuffer().addComponent(true, body);
                    body = parts.addComponent(true, data.retain());
                }
            } else {
                res.write(data.retain());
                if (!last && !res.writable()) {
                    ch.config().setAutoRead(false);
                    res.onDrain(() -> ch.config().setAutoRead(true));
                }
            }
        }
        content.release();
        if (last) {
            answeredInFull();
        }
    }

    private void answeredInFull() {
        finished = true;
        if (keepAlive && requestSent) {
            upstream.channels().release(ch);
        } else {
            // Answered before the client finished its body: the client's request reads and drops the rest.
            ch.close();
        }
        if (small) {
            res.respond(answer.status(), answerHeaders, body != null ? body : Unpooled.EMPTY_BUFFER);
            body = null;
        } else {
            res.end(null);
        }
        // Audited once the answer is handed to the client's connection; a listener on the end
        // future cost a dispatch per request for a timestamp microseconds later.
        exchange.complete(status);
    }

    @Override
    public void onWritability(boolean writable) {
        if (writable && requestBody && !finished) {
            req.resume();
        }
    }

    @Override
    public void onIdle() {
        fail("no data from the API server for the idle timeout", true);
    }

    /** When the connection's lifetime timer ends the call ({@link UpstreamChannels}). */
    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void lifetimeExceeded() {
        fail("request lifetime exceeded", true);
    }

    @Override
    public void onClosed(Throwable cause) {
        if (finished) {
            return;
        }
        if (retryable()) {
            reused = false;
            connect(ch.eventLoop());
            return;
        }
        fail(cause == null ? "the API server closed the connection" : cause.toString(), false);
    }

    /** Ends the call here (false when it had ended already): no upstream connection. */
    private boolean abandon() {
        if (finished) {
            return false;
        }
        finished = true;
        if (ch != null) {
            ch.close();
        }
        if (body != null) {
            body.release();
            body = null;
        }
        return true;
    }

    private void fail(String reason, boolean timeout) {
        if (!abandon()) {
            return;
        }
        if (timeout) {
            LOG.warn("upstream timed out for {}: {}", exchange.loggableUri(), reason);
        } else {
            LOG.warn("upstream request failed for {}: {}", exchange.loggableUri(), reason);
        }
        if (res.headWritten() || res.ended()) {
            res.reset();
            exchange.complete(res.status());
        } else {
            exchange.refuse(timeout ? StatusResponses.UPSTREAM_TIMEOUT : StatusResponses.UPSTREAM_UNREACHABLE);
        }
    }

    /** The client went away or its body failed: the upstream connection goes with it. */
    private void clientGone() {
        if (abandon()) {
            exchange.aborted();
        }
    }
}
