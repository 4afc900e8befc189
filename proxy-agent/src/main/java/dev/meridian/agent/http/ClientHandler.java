package dev.meridian.agent.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one HTTP/1.x connection, one at a time, or the one request of an
 * HTTP/2 stream. What arrives while the current request is paused, or belongs to the next
 * (pipelined) request, waits here and the connection stops reading until it can be handled.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHandler.class);

    private final Consumer<ClientRequest> requests;
    private final ProxyServer.Tracker tracker;
    private final boolean h2;
    /** Admitted beyond the connection limits: serves health checks only (the request handler decides). */
    private final boolean overCapacity;

    private final long headTimeoutNanos;
    /**
     * Checks the head in progress, if any, when it would run out (HTTP/1.x only). Armed once and
     * moved on, never cancelled per request: a keep-alive connection that serves a request after
     * another keeps one timer for its whole life instead of one schedule and one cancel each.
     */
    private ScheduledFuture<?> headTimer;
    /** Whether a request head arrived (an HTTP/2 stream's handler serves at most one). */
    private boolean requestSeen;
    /** Whether a request head has started arriving and is not complete yet, and when it started. */
    private boolean headInProgress;

    private long headStartedNanos;
    /** Nothing is taken any more: the connection is closing after a request whose framing failed. */
    private boolean closing;

    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ClientRequest current;
    private boolean handedOver;
    /** Set while waiting messages are taken, so requests answered at once do not nest calls per request. */
    private boolean takingWaiting;

    private String remoteAddress;
    /**
     * Whether the connection reads, as this handler last set it (nothing else sets it while HTTP
     * is served here): asking the channel's config at the end of every request showed in profiles.
     */
    private boolean autoRead = true;

    ClientHandler(
            Consumer<ClientRequest> requests,
            ProxyServer.Tracker tracker,
            boolean h2,
            boolean overCapacity,
            Duration headTimeout) {
        this.requests = requests;
        this.tracker = tracker;
        this.h2 = h2;
        this.overCapacity = overCapacity;
        this.headTimeoutNanos = headTimeout.toNanos();
    }

    boolean overCapacity() {
        return overCapacity;
    }

    /**
     * An HTTP/2 stream the codec refused for its headers (reset before it became a request) still
     * gets its one audit event: a placeholder request, answered by no one, goes to the request
     * handler as a malformed one (400).
     */
    static void refusedStream(
            Channel connection,
            Consumer<ClientRequest> requests,
            ProxyServer.Tracker tracker,
            boolean overCapacity,
            int status) {
        ClientHandler stream = new ClientHandler(requests, tracker, true, overCapacity, Duration.ofSeconds(1));
        stream.remoteAddress = addressOf(connection);
        ClientRequest request = new ClientRequest(
                stream,
                connection,
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request", Unpooled.EMPTY_BUFFER),
                true,
                status);
        request.detach();
        try {
            requests.accept(request);
        } catch (RuntimeException e) {
            LOG.error("request handler failed for a refused HTTP/2 stream", e);
        }
    }

    private static String addressOf(Channel c) {
        return c.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress()
                : "";
    }

    /**
     * Bytes arrived from the client (seen before the HTTP parser). When no request is being
     * served they start a new head, which must be complete within the head timeout: a client
     * that sends half a head and stops is dropped (slowloris), while an idle keep-alive
     * connection is governed by the idle timeout instead.
     */
    void bytesArrived() {
        if (!headInProgress && current == null && waiting.isEmpty() && !closing && !handedOver) {
            headInProgress = true;
            headStartedNanos = System.nanoTime();
            if (headTimer == null) {
                headTimer = ctx.executor().schedule(this::checkHead, headTimeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The timer ran out: closes when the head in progress is overdue, else waits for its own deadline. */
    private void checkHead() {
        headTimer = null;
        if (!headInProgress || current != null || !waiting.isEmpty() || handedOver) {
            // No head is arriving: the next one arms the timer again.
            return;
        }
        long left = headStartedNanos + headTimeoutNanos - System.nanoTime();
        if (left > 0) {
            headTimer = ctx.executor().schedule(this::checkHead, left, TimeUnit.NANOSECONDS);
            return;
        }
        LOG.debug(
                "request head from {} not complete within {} ms: closing",
                remoteAddress(),
                TimeUnit.NANOSECONDS.toMillis(headTimeoutNanos));
        ctx.close();
    }

    private void headComplete() {
        headInProgress = false;
    }

    private void stopHeadTimer() {
        headInProgress = false;
        if (headTimer != null) {
            headTimer.cancel(false);
            headTimer = null;
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The client's IP address ("" when unknown), written out once per connection (or stream), not per request. */
    String remoteAddress() {
        if (remoteAddress == null) {
            remoteAddress = addressOf(
                    h2 && ctx.channel().parent() != null ? ctx.channel().parent() : ctx.channel());
        }
        return remoteAddress;
    }

    boolean draining() {
        return tracker.draining();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest) {
            headComplete();
        }
        if (waiting.isEmpty() && canTake(msg)) {
            take(msg);
        } else {
            waiting.add(msg);
            updateAutoRead();
        }
    }

    private boolean canTake(Object msg) {
        if (handedOver) {
            return false;
        }
        if (msg instanceof HttpRequest) {
            return current == null;
        }
        return current == null || !current.paused();
    }

    private void take(Object msg) {
        if (msg instanceof HttpRequest request) {
            requestSeen = true;
            int malformed = 0;
            if (request.decoderResult().isFailure()) {
                // Answered (and audited) by the request handler like any other request; the
                // connection closes after it, as the parser has lost track of the framing.
                malformed = malformedStatus(request.decoderResult().cause());
                closing = true;
                releaseWaiting();
            }
            current = new ClientRequest(this, ctx.channel(), request, h2, malformed);
            tracker.started();
            ClientRequest started = current;
            try {
                requests.accept(started);
            } catch (RuntimeException e) {
                LOG.error("request handler failed for {}", UriRedaction.redact(request.uri()), e);
                started.response().reset();
            }
            if (msg instanceof HttpContent content) {
                // HTTP/2: a request without a body comes whole. A malformed one has none to read.
                if (started == current && !handedOver && malformed == 0) {
                    content(content);
                } else {
                    content.release();
                }
            }
            return;
        }
        content((HttpContent) msg);
    }

    private void content(HttpContent content) {
        if (current == null) {
            // What is left of a request already answered on a connection that is closing.
            content.release();
            return;
        }
        if (content.decoderResult().isFailure()) {
            content.release();
            LOG.debug(
                    "malformed request body: {}",
                    content.decoderResult().cause().toString());
            closing = true;
            releaseWaiting();
            current.onBodyFailed(400);
            return;
        }
        current.onContent(content);
    }

    private static int malformedStatus(Throwable cause) {
        LOG.debug("malformed request: {}", cause.toString());
        return cause instanceof TooLongHttpLineException
                ? HttpResponseStatus.REQUEST_URI_TOO_LONG.code()
                : cause instanceof TooLongHttpHeaderException
                        ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code()
                        : cause instanceof TooLongFrameException
                                ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()
                                : HttpResponseStatus.BAD_REQUEST.code();
    }

    /** Called by the current request when it is over: the next may start. */
    void finished(ClientRequest request) {
        if (request != current) {
            return;
        }
        current = null;
        tracker.finished();
        if (h2 || handedOver || closing) {
            return;
        }
        if (!ctx.channel().isActive()) {
            releaseWaiting();
            return;
        }
        takeWaiting();
    }

    void resumed() {
        takeWaiting();
    }

    private void takeWaiting() {
        if (takingWaiting) {
            // A request taken below finished at once and asks again: the loop below goes on.
            return;
        }
        takingWaiting = true;
        try {
            Object next;
            while ((next = waiting.peek()) != null && canTake(next)) {
                take(waiting.poll());
            }
        } finally {
            takingWaiting = false;
        }
        updateAutoRead();
    }

    void updateAutoRead() {
        if (handedOver) {
            return;
        }
        boolean read = waiting.isEmpty();
        if (autoRead != read) {
            autoRead = read;
            ctx.channel().config().setAutoRead(read);
        }
    }

    /** An upgrade took the connection: HTTP ends here; the caller puts its own handlers in. */
    void handOver() {
        stopHeadTimer();
        handedOver = true;
        current = null;
        tracker.finished();
        releaseWaiting();
        ctx.pipeline().remove(this);
    }

    /** Closes the connection now if it serves no request (the agent is shutting down). */
    void closeIfIdle() {
        if (current == null && !handedOver) {
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null && ctx.channel().isWritable()) {
            current.onWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            // A connection waiting for its next request closes; a client silent in the middle of
            // a body it is sending has its request aborted (408); one with an answer in flight is
            // governed by that request's own timeouts (a quiet watch is not an idle connection).
            if (current == null) {
                ctx.close();
            } else if (current.awaitingBody()) {
                LOG.debug("client {} stopped sending a request body: aborting it", remoteAddress());
                closing = true;
                current.onBodyFailed(HttpResponseStatus.REQUEST_TIMEOUT.code());
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopHeadTimer();
        releaseWaiting();
        ClientRequest gone = current;
        if (gone != null) {
            gone.onClosed();
        }
        ctx.fireChannelInactive();
    }

    private void releaseWaiting() {
        Object msg;
        while ((msg = waiting.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("client connection failed: {}", cause.toString());
        if (h2 && !requestSeen && ctx.channel().parent() != null) {
            // The stream's headers could not become a request (no :path, say): it is reset, and audited.
            requestSeen = true;
            refusedStream(
                    ctx.channel().parent(), requests, tracker, overCapacity, HttpResponseStatus.BAD_REQUEST.code());
        }
        ctx.close();
    }
}
