package dev.meridian.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Consumer;

/**
 * One client request, on the channel it came in on: an HTTP/1.x connection (one request at a
 * time; pipelined ones wait) or an HTTP/2 stream. Everything is called on that channel's event
 * loop. The request body arrives through {@link #body}, with {@link #pause}/{@link #resume} for
 * back-pressure; the answer is written through its {@link #response()}. The request is done,
 * and the connection serves the next one, once its body has been read and its answer has ended.
 */
public final class ClientRequest {
    private final ClientHandler connection;
    private final Channel ch;
    private final HttpRequest request;
    private final boolean h2;
    private final String path;
    private final String query;
    private final boolean keepAlive;
    /** 0 for a request whose head was read; else the status its malformed head deserves (400, 414, 431). */
    private final int malformedStatus;

    private Consumer<ByteBuf> bodyHandler;
    private Runnable endHandler;
    private boolean paused;
    private boolean requestEnded;
    private boolean discarding;

    private final ClientResponse response;
    private Runnable abortHandler;
    /** 0, or why the body could not be read: 400 bad chunk framing, 408 the client stopped sending it. */
    private int bodyFailure;
    /** The connection closes after this answer whatever the client asked (ambiguous framing, a malformed request). */
    private boolean mustClose;

    private boolean closed;
    private boolean done;

    ClientRequest(ClientHandler connection, Channel ch, HttpRequest request, boolean h2, int malformedStatus) {
        this.connection = connection;
        this.ch = ch;
        this.request = request;
        this.h2 = h2;
        this.malformedStatus = malformedStatus;
        this.response = new ClientResponse(this, ch);
        if (malformedStatus != 0) {
            // Nothing of a malformed request is read any further; its answer closes the connection.
            requestEnded = true;
            mustClose = true;
        }
        String uri = uri();
        int q = uri.indexOf('?');
        this.path = q < 0 ? uri : uri.substring(0, q);
        this.query = q < 0 ? null : uri.substring(q + 1);
        this.keepAlive = h2 || HttpUtil.isKeepAlive(request);
        if (h2) {
            // Netty's HTTP/2 to HTTP/1 conversion adds these; they are not the client's.
            for (io.netty.handler.codec.http2.HttpConversionUtil.ExtensionHeaderNames n :
                    io.netty.handler.codec.http2.HttpConversionUtil.ExtensionHeaderNames.values()) {
                request.headers().remove(n.text());
            }
        }
    }

    // ---- the request

    public HttpMethod method() {
        return request.method();
    }

    /**
     * The request target as sent (path and query, undecoded); "" when the request line itself
     * could not be read (the parser names such a request {@code /bad-request}).
     */
    public String uri() {
        return malformedStatus != 0
                        && request instanceof io.netty.handler.codec.http.FullHttpRequest
                        && PLACEHOLDER_URI.equals(request.uri())
                ? ""
                : request.uri();
    }

    private static final String PLACEHOLDER_URI = "/bad-request";

    /**
     * 0 when the request's head was read; else the parser refused it and this is the status to
     * answer (400, 414 for a request line too long, 431 for headers too large). Such a request
     * has no body, and its answer closes the connection.
     */
    public int malformedStatus() {
        return malformedStatus;
    }

    /**
     * 0 while the body is fine; 400 when it turned out unreadable (bad chunk framing), 408 when
     * the client stopped sending it for the idle timeout. Either aborts the request and closes
     * the connection.
     */
    public int bodyFailure() {
        return bodyFailure;
    }

    /**
     * The connection closes once this answer is written, whatever the client asked: used when
     * the request's framing is in doubt (RFC 9112 6.1: Content-Length with Transfer-Encoding).
     */
    public void closeAfterAnswer() {
        mustClose = true;
    }

    public String path() {
        return path;
    }

    /** The query without its '?', or null when there is none. */
    public String query() {
        return query;
    }

    public HttpHeaders headers() {
        return request.headers();
    }

    public String header(CharSequence name) {
        return request.headers().get(name);
    }

    /** Whether the connection closes after this answer whatever the client asked. */
    boolean mustClose() {
        return mustClose;
    }

    /** Whether the client asked to keep the connection open (always, for an HTTP/2 stream). */
    boolean keepAlive() {
        return keepAlive;
    }

    /** Whether the agent is shutting down: answers close their connections. */
    boolean draining() {
        return connection.draining();
    }

    /** The answer switched protocols: the connection is handed over, this request is done. */
    void handOver() {
        done = true;
        connection.handOver();
    }

    /** The event loop every call about this request runs on. */
    public io.netty.channel.EventLoop eventLoop() {
        return ch.eventLoop();
    }

    public boolean isHttp2() {
        return h2;
    }

    public boolean isHttp10() {
        return !h2 && request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    }

    /**
     * Whether the connection was taken beyond the connection limits: only health checks are
     * served on it, anything else is refused (503) and the connection closed.
     */
    public boolean overCapacity() {
        return connection.overCapacity();
    }

    /** The client's IP address, or "" when unknown. */
    public String remoteAddress() {
        return connection.remoteAddress();
    }

    /** Whether the whole request has been read already (an HTTP/2 request may come in one frame). */
    public boolean isEnded() {
        return requestEnded || request instanceof LastHttpContent;
    }

    /** Where body chunks go (valid during the call only: retain to keep) and what runs at its end. */
    public void body(Consumer<ByteBuf> chunks, Runnable end) {
        this.bodyHandler = chunks;
        this.endHandler = end;
    }

    /**
     * Holds what the client sends until {@link #resume}. The connection stops reading only once
     * something has to wait: a pause and resume within one event (a cached token review) cost
     * no system call.
     */
    public void pause() {
        paused = true;
    }

    public void resume() {
        if (paused) {
            paused = false;
            connection.resumed();
        }
    }

    /** Reads and drops whatever body is left (the answer did not need it). */
    public void discardBody() {
        discarding = true;
        resume();
    }

    boolean paused() {
        return paused;
    }

    /**
     * The request is over for the client before it began (an HTTP/2 stream the codec refused and
     * reset): nothing is written for it; it is handed to the request handler to be audited only.
     */
    void detach() {
        closed = true;
        done = true;
    }

    /** Whether the connection waits on the client for more of this request's body. */
    boolean awaitingBody() {
        return !requestEnded && !paused && !done;
    }

    void onContent(HttpContent content) {
        try {
            ByteBuf data = content.content();
            if (data.isReadable() && bodyHandler != null && !discarding) {
                bodyHandler.accept(data);
            }
        } finally {
            content.release();
        }
        if (content instanceof LastHttpContent) {
            requestEnded = true;
            if (endHandler != null && !discarding) {
                endHandler.run();
            }
            finishIfDone();
        }
    }

    // ---- its lifecycle

    /** The answer to this request. */
    public ClientResponse response() {
        return response;
    }

    /** Whether the client has gone (its connection or stream closed). */
    public boolean closed() {
        return closed;
    }

    /**
     * Runs once if the request ends before its answer has: the client went away (its connection
     * or stream closed), or its body cannot be read ({@link #bodyFailure}). The handler ends
     * whatever it holds for the request and records how it ended; when it leaves the answer
     * unfinished, the connection is closed after it returns. Null removes it.
     */
    public void onAbort(Runnable handler) {
        if (handler != null && closed && !response.ended()) {
            // The client left while the request waited (on a token review, say): whatever is
            // being started for it ends at once rather than live on for no one.
            handler.run();
            return;
        }
        this.abortHandler = handler;
    }

    /**
     * The request is done when its answer has ended and its body has been read (a body not
     * wanted is read and dropped); then the connection serves the next one.
     */
    void answerEnded() {
        finishIfDone();
    }

    private void finishIfDone() {
        if (done || !response.ended()) {
            return;
        }
        if (!requestEnded) {
            if (response.closeAfter()) {
                done = true;
                connection.finished(this);
            } else {
                discardBody();
            }
            return;
        }
        done = true;
        connection.finished(this);
    }

    /**
     * The body cannot be read ({@code status} 400: the parser refused a chunk; 408: the client
     * went silent while sending it): nothing more of it is read. The abort handler ends what was
     * started for the request and answers if it still can; in any case the connection closes,
     * since where the next request would start is unknown.
     */
    void onBodyFailed(int status) {
        if (done || bodyFailure != 0) {
            return;
        }
        bodyFailure = status;
        requestEnded = true;
        mustClose = true;
        discarding = true;
        abort();
        if (!response.ended()) {
            response.reset();
            return;
        }
        boolean closing = response.closeAfter();
        finishIfDone();
        if (!closing) {
            // The answer went out whole (the body was being dropped): it is flushed, then the connection ends.
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The client's connection (or stream) is gone. */
    void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wasDone = done;
        done = true;
        if (!wasDone) {
            connection.finished(this);
        }
        if (!response.ended()) {
            abort();
        }
    }

    private void abort() {
        Runnable handler = abortHandler;
        abortHandler = null;
        if (handler != null) {
            handler.run();
        }
    }

    void onWritable() {
        response.onWritable();
    }
}
