package dev.meridian.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Consumer;

/**
 * One client request and its answer, on the channel it came in on: an HTTP/1.x connection
 * (one request at a time; pipelined ones wait) or an HTTP/2 stream. Everything is called on
 * that channel's event loop. The request body arrives through {@link #body}, with
 * {@link #pause}/{@link #resume} for back-pressure; the answer is either {@link #respond whole}
 * or a {@link #head} followed by {@link #write chunks} and an {@link #end}.
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

    private Runnable abortHandler;
    private Runnable drainHandler;
    /** 0, or why the body could not be read: 400 bad chunk framing, 408 the client stopped sending it. */
    private int bodyFailure;
    /** The connection closes after this answer whatever the client asked (ambiguous framing, a malformed request). */
    private boolean mustClose;
    /** The answer was broken off by {@link #reset}: nothing more is written. */
    private boolean broken;

    private int status;
    private boolean headWritten;
    private boolean ended;
    private boolean closed;
    private boolean closeAfter;
    private boolean done;

    ClientRequest(ClientHandler connection, Channel ch, HttpRequest request, boolean h2, int malformedStatus) {
        this.connection = connection;
        this.ch = ch;
        this.request = request;
        this.h2 = h2;
        this.malformedStatus = malformedStatus;
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

    // ---- the answer

    public int status() {
        return status;
    }

    public boolean headWritten() {
        return headWritten;
    }

    public boolean ended() {
        return ended;
    }

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
        if (handler != null && closed && !ended) {
            // The client left while the request waited (on a token review, say): whatever is
            // being started for it ends at once rather than live on for no one.
            handler.run();
            return;
        }
        this.abortHandler = handler;
    }

    /** Whether the client takes more now; else {@link #onDrain} says when it does. */
    public boolean writable() {
        return ch.isWritable();
    }

    /** Runs once, when the client's connection takes writes again. */
    public void onDrain(Runnable handler) {
        this.drainHandler = handler;
    }

    public void writeContinue() {
        if (!headWritten && !silenced()) {
            ch.writeAndFlush(new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
    }

    /** The whole answer in one write. Ignored when an answer has started or ended already. */
    public void respond(HttpResponseStatus st, HttpHeaders headers, ByteBuf body) {
        if (headWritten || ended || silenced()) {
            body.release();
            return;
        }
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        }
        prepareHead(st, headers, true);
        ended = true;
        send(new DefaultFullHttpResponse(version(), st, body, headers, EmptyHttpHeaders.INSTANCE), true, true);
        finishIfDone();
    }

    /**
     * Starts an answer whose body follows in {@link #write} calls and an {@link #end}; without a
     * Content-Length the body is chunked (HTTP/1.1) or ends with the connection (HTTP/1.0).
     */
    public void head(HttpResponseStatus st, HttpHeaders headers, boolean flush) {
        if (headWritten || silenced()) {
            return;
        }
        boolean framed = headers.contains(HttpHeaderNames.CONTENT_LENGTH) || !bodyAllowed(st);
        if (!framed && !h2 && !isHttp10()) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            framed = true;
        }
        prepareHead(st, headers, framed);
        send(new DefaultHttpResponse(version(), st, headers), flush, false);
    }

    /** The 101 of an upgrade: written, then the connection is handed over with the HTTP codec gone. */
    public Channel switchProtocols(HttpHeaders headers) {
        headWritten = true;
        ended = true;
        status = 101;
        done = true;
        ch.writeAndFlush(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.SWITCHING_PROTOCOLS,
                Unpooled.EMPTY_BUFFER,
                headers,
                EmptyHttpHeaders.INSTANCE));
        connection.handOver();
        return ch;
    }

    public void write(ByteBuf chunk) {
        if (ended || silenced()) {
            chunk.release();
            return;
        }
        send(new DefaultHttpContent(chunk), true, false);
    }

    /** Ends the answer; {@code last} (may be null) is its final chunk. */
    public void end(ByteBuf last) {
        if (ended || silenced()) {
            if (last != null) {
                last.release();
            }
            return;
        }
        ended = true;
        send(
                last == null
                        ? LastHttpContent.EMPTY_LAST_CONTENT
                        : new io.netty.handler.codec.http.DefaultLastHttpContent(last),
                true,
                true);
        finishIfDone();
    }

    /** Breaks the answer off: the client sees it cut (HTTP/1.x: the connection closes; HTTP/2: the stream is reset). */
    public void reset() {
        if (silenced()) {
            return;
        }
        // Not "ended": the abort handler still runs when the connection closes, so whoever
        // holds something for this request (an upstream call) lets go of it.
        broken = true;
        closeAfter = true;
        ch.close();
    }

    private void prepareHead(HttpResponseStatus st, HttpHeaders headers, boolean framed) {
        headWritten = true;
        status = st.code();
        if (h2) {
            return;
        }
        // The connection ends with this answer when the client asked so, when the body has no
        // length of its own, when the agent is shutting down, or when the request's own body
        // has not been read (its framing may be in doubt, or it is too late to read it).
        closeAfter = mustClose
                || !keepAlive
                || !framed
                || connection.draining()
                || headers.contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        if (closeAfter) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (isHttp10()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private boolean bodyAllowed(HttpResponseStatus st) {
        int code = st.code();
        return !HttpMethod.HEAD.equals(request.method()) && code >= 200 && code != 204 && code != 304;
    }

    private HttpVersion version() {
        return isHttp10() ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    /**
     * Writes with no promise to listen on: a write that fails reaches {@link ClientHandler},
     * which closes the connection. The last write of a connection that ends with it closes it.
     */
    private void send(Object msg, boolean flush, boolean last) {
        if (last && closeAfter) {
            ch.writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE);
        } else if (flush) {
            ch.writeAndFlush(msg, ch.voidPromise());
        } else {
            ch.write(msg, ch.voidPromise());
        }
    }

    /**
     * The request is done when its answer has ended and its body has been read (a body not
     * wanted is read and dropped); then the connection serves the next one.
     */
    private void finishIfDone() {
        if (done || !ended) {
            return;
        }
        if (!requestEnded) {
            if (closeAfter) {
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
        if (!ended) {
            reset();
            return;
        }
        boolean closing = closeAfter;
        finishIfDone();
        if (!closing) {
            // The answer went out whole (the body was being dropped): it is flushed, then the connection ends.
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Whether nothing more may be written: the client is gone, or the answer was broken off. */
    private boolean silenced() {
        return closed || broken;
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
        if (!ended) {
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
        Runnable handler = drainHandler;
        drainHandler = null;
        if (handler != null) {
            handler.run();
        }
    }
}
