package dev.meridian.agent.forward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
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
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One request relayed to the API server over a connection from {@link UpstreamChannels}, on
 * the event loop of the client's connection. Bodies stream both ways with back-pressure (the
 * client is paused while the upstream connection cannot take more; the upstream connection
 * stops reading while the client cannot); each chunk is flushed as it comes, which is what
 * watches need. A small answer of known length is sent with its head in one write.
 * Ends exactly once: answered, timed out (idle or total), or abandoned by either side.
 */
final class UpstreamCall {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamCall.class);
    private static final long SMALL_BODY = 16 * 1024;

    private final Exchange exchange;
    private final Upstream upstream;
    private final String uri;
    private final ProxyMetrics metrics;
    private final long totalMillis;
    private final HttpServerRequest req;
    private final HttpServerResponse out;
    private final boolean requestBody;
    private Channel ch;
    private ScheduledFuture<?> deadline;
    private boolean reused;
    private boolean requestSent;
    private boolean answered;
    private boolean informational;
    private boolean keepAlive;
    private boolean small;
    private boolean finished;
    private int status;
    private Buffer body;

    private UpstreamCall(Exchange exchange, Upstream upstream, String uri, ProxyMetrics metrics, long totalMillis,
                         boolean requestBody) {
        this.exchange = exchange;
        this.upstream = upstream;
        this.uri = uri;
        this.metrics = metrics;
        this.totalMillis = totalMillis;
        this.req = exchange.request;
        this.out = req.response();
        this.requestBody = requestBody;
    }

    static void start(Exchange exchange, Upstream upstream, String uri, ProxyMetrics metrics, long totalMillis,
                      boolean requestBody) {
        UpstreamCall call = new UpstreamCall(exchange, upstream, uri, metrics, totalMillis, requestBody);
        call.out.closeHandler(v -> call.clientGone());
        call.connect(((HttpServerRequestInternal) exchange.request).context().nettyEventLoop());
    }

    private void connect(EventLoop loop) {
        upstream.channels().acquire(loop).addListener(f -> {
            if (f.isSuccess()) {
                send((Channel) f.getNow());
            } else {
                fail(f.cause().toString(), false);
            }
        });
    }

    private void send(Channel channel) {
        if (finished) {
            upstream.channels().release(channel);
            return;
        }
        ch = channel;
        reused = UpstreamChannels.attach(ch, this);
        if (deadline == null) {
            deadline = ch.eventLoop().schedule(this::lifetimeExceeded, totalMillis, TimeUnit.MILLISECONDS);
        }
        HttpHeaders headers = new DefaultHttpHeaders();
        io.netty.handler.codec.http.HttpMethod method;
        try {
            headers.add(HttpHeaderNames.HOST, upstream.authority());
            HeaderRules.copyRequestHeaders(req.headers(), headers::add);
            Forwarder.addCredentials(headers::add, exchange, upstream);
            method = io.netty.handler.codec.http.HttpMethod.valueOf(req.method().name());
        } catch (IllegalArgumentException e) {
            // Header values are validated: an identity with a line break in it is refused, never sent.
            if (abandon()) {
                LOG.warn("cannot forward {}: {}", req.uri(), e.getMessage());
                exchange.refuse(StatusResponses.UNFORWARDABLE);
            }
            return;
        }
        if (!requestBody) {
            ch.writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER,
                    headers, EmptyHttpHeaders.INSTANCE));
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
            ch.writeAndFlush(head);
        } else {
            ch.write(head);
        }
        IdleStateHandler idle = ch.pipeline().get(IdleStateHandler.class);
        req.handler(chunk -> {
            if (finished) {
                return;
            }
            // An API server reading a long upload says nothing until the end: sending is not idling.
            idle.resetReadTimeout();
            ch.writeAndFlush(new DefaultHttpContent(((BufferInternal) chunk).getByteBuf()));
            if (!ch.isWritable()) {
                req.pause();
            }
        });
        req.exceptionHandler(e -> fail("the client's request body broke off: " + e.getMessage(), false));
        req.endHandler(v -> {
            if (finished) {
                return;
            }
            ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            requestSent = true;
        });
        req.resume();
    }

    /** A connection that was waiting in the pool may have been closed by the server meanwhile. */
    private boolean retryable() {
        return reused && !answered && !requestBody && !finished;
    }

    void onMessage(Object msg) {
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
                out.writeContinue();
            }
            return;
        }
        status = code;
        metrics.upstreamHead(System.nanoTime() - exchange.startNanos);
        out.setStatusCode(code);
        out.setStatusMessage(head.status().reasonPhrase());
        HttpHeaders headers = head.headers();
        HeaderRules.copyResponseHeaders(headers, headers.getAll(HttpHeaderNames.CONNECTION), out.headers());
        keepAlive = HttpUtil.isKeepAlive(head);
        boolean bodyAllowed = req.method() != HttpMethod.HEAD && code != 204 && code != 304;
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        boolean chunked = headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
        if (bodyAllowed && length == null && req.version() != io.vertx.core.http.HttpVersion.HTTP_1_0) {
            out.setChunked(true);
        }
        small = length != null && !chunked && smallLength(length);
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
            // Copied to the heap, whatever allocator read it: the server connection keeps what it is given.
            if (small) {
                if (body == null) {
                    body = Buffer.buffer(data.readableBytes());
                }
                ((BufferInternal) body).unwrap().writeBytes(data);
            } else {
                Buffer chunk = Buffer.buffer(data.readableBytes());
                ((BufferInternal) chunk).unwrap().writeBytes(data);
                out.write(chunk);
                if (!last && out.writeQueueFull()) {
                    ch.config().setAutoRead(false);
                    out.drainHandler(v -> ch.config().setAutoRead(true));
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
        deadline.cancel(false);
        if (keepAlive && requestSent) {
            upstream.channels().release(ch);
        } else {
            ch.close();
            // Answered before the client finished its body: the rest is read and dropped, or the
            // client's connection would stall on it.
            req.resume();
        }
        if (body != null) {
            out.end(body);
        } else {
            out.end();
        }
        // Audited once the answer is handed to the client's connection; a listener on the end
        // future cost a dispatch per request for a timestamp microseconds later.
        exchange.complete(status);
    }

    void onWritability(boolean writable) {
        if (writable && requestBody && !finished) {
            req.resume();
        }
    }

    void onIdle() {
        fail("no data from the API server for the idle timeout", true);
    }

    private void lifetimeExceeded() {
        fail("request lifetime exceeded", true);
    }

    void onClosed(Throwable cause) {
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

    /** Ends the call here (false when it had ended already): no deadline, no upstream connection. */
    private boolean abandon() {
        if (finished) {
            return false;
        }
        finished = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (ch != null) {
            ch.close();
        }
        if (requestBody) {
            req.resume();
        }
        return true;
    }

    private void fail(String reason, boolean timeout) {
        if (!abandon()) {
            return;
        }
        if (timeout) {
            LOG.warn("upstream timed out for {}: {}", req.uri(), reason);
        } else {
            LOG.warn("upstream request failed for {}: {}", req.uri(), reason);
        }
        if (out.headWritten() || out.ended()) {
            out.reset();
            exchange.complete(out.getStatusCode());
        } else {
            out.headers().clear();
            exchange.refuse(timeout ? StatusResponses.UPSTREAM_TIMEOUT : StatusResponses.UPSTREAM_UNREACHABLE);
        }
    }

    private void clientGone() {
        if (abandon()) {
            exchange.complete(out.headWritten() ? out.getStatusCode() : 499);
        }
    }
}
