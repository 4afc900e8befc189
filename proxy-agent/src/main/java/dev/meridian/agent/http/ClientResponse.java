package dev.meridian.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The answer to one {@link ClientRequest}, written on its channel's event loop: either
 * {@link #respond whole} or a {@link #head} followed by {@link #write chunks} and an
 * {@link #end}, or cut off by {@link #reset}. It decides the answer's framing and whether the
 * connection stays open after it; the request hears when the answer has ended.
 */
public final class ClientResponse {
    private final ClientRequest request;
    private final Channel ch;

    private Runnable drainHandler;
    /** The answer was broken off by {@link #reset}: nothing more is written. */
    private boolean broken;

    private int status;
    private boolean headWritten;
    private boolean ended;
    private boolean closeAfter;

    ClientResponse(ClientRequest request, Channel ch) {
        this.request = request;
        this.ch = ch;
    }

    public int status() {
        return status;
    }

    public boolean headWritten() {
        return headWritten;
    }

    public boolean ended() {
        return ended;
    }

    /** Whether the connection closes once this answer is written. */
    boolean closeAfter() {
        return closeAfter;
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
        request.answerEnded();
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
        if (!framed && !request.isHttp2() && !request.isHttp10()) {
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
        ch.writeAndFlush(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.SWITCHING_PROTOCOLS,
                Unpooled.EMPTY_BUFFER,
                headers,
                EmptyHttpHeaders.INSTANCE));
        request.handOver();
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
        send(last == null ? LastHttpContent.EMPTY_LAST_CONTENT : new DefaultLastHttpContent(last), true, true);
        request.answerEnded();
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
        if (request.isHttp2()) {
            return;
        }
        // The connection ends with this answer when the client asked so, when the body has no
        // length of its own, when the agent is shutting down, or when the request's own body
        // has not been read (its framing may be in doubt, or it is too late to read it).
        closeAfter = request.mustClose()
                || !request.keepAlive()
                || !framed
                || request.draining()
                || headers.contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        if (closeAfter) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.isHttp10()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private boolean bodyAllowed(HttpResponseStatus st) {
        int code = st.code();
        return !HttpMethod.HEAD.equals(request.method()) && code >= 200 && code != 204 && code != 304;
    }

    private HttpVersion version() {
        return request.isHttp10() ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
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

    /** Whether nothing more may be written: the client is gone, or the answer was broken off. */
    private boolean silenced() {
        return request.closed() || broken;
    }

    void onWritable() {
        Runnable handler = drainHandler;
        drainHandler = null;
        if (handler != null) {
            handler.run();
        }
    }
}
