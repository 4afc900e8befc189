package dev.meridian.agent.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JSON POST to an API server with the agent's own credentials towards it: how reviews are
 * asked. It travels on the upstream's own keep-alive connections ({@link UpstreamChannels}), on
 * the caller's event loop when the caller runs on one, and completes there.
 */
public final class ApiPost implements UpstreamChannels.Call {
    /** Answers larger than this are refused: a review's answer is a few KiB. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    /** The answer's status code and body text. */
    public record Answer(int status, String body) {}

    private final Upstream upstream;
    private final String uri;
    private final byte[] body;
    private final long deadlineNanos;
    private final CompletableFuture<Answer> result = new CompletableFuture<>();
    private Channel ch;
    private boolean reused;
    private boolean answered;
    private boolean keepAlive;
    private int status;
    private ByteBuf answer;
    private ScheduledFuture<?> timer;

    private ApiPost(Upstream upstream, String path, String json, Duration timeout) {
        this.upstream = upstream;
        this.uri = upstream.basePath() + path;
        this.body = json.getBytes(StandardCharsets.UTF_8);
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /**
     * POSTs {@code json} to {@code path} under the upstream's base path; fails when no whole
     * answer comes within {@code timeout} (connecting included).
     */
    public static CompletableFuture<Answer> send(Upstream upstream, String path, String json, Duration timeout) {
        ApiPost post = new ApiPost(upstream, path, json, timeout);
        EventLoop loop = upstream.channels().loop();
        if (loop.inEventLoop()) {
            post.start(loop, timeout);
        } else {
            loop.execute(() -> post.start(loop, timeout));
        }
        return post.result;
    }

    private void start(EventLoop loop, Duration timeout) {
        timer = loop.schedule(this::lifetimeExceeded, timeout.toNanos(), TimeUnit.NANOSECONDS);
        connect(loop);
    }

    private void connect(EventLoop loop) {
        upstream.channels().obtain(loop, this::send, this::fail);
    }

    private void send(Channel channel) {
        if (result.isDone()) {
            upstream.channels().release(channel);
            return;
        }
        ch = channel;
        reused = UpstreamChannels.attach(ch, this);
        DefaultFullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri, Unpooled.wrappedBuffer(body));
        HttpHeaders headers = request.headers();
        headers.set(HttpHeaderNames.HOST, upstream.channels().hostHeader());
        headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        headers.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        upstream.credentials().bearerToken().ifPresent(t -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + t));
        ch.writeAndFlush(request, ch.voidPromise());
    }

    @Override
    public void onMessage(Object msg) {
        try {
            if (result.isDone()) {
                return;
            }
            if (msg instanceof HttpResponse head) {
                if (head.decoderResult().isFailure()) {
                    fail(head.decoderResult().cause());
                    return;
                }
                answered = true;
                status = head.status().code();
                keepAlive = HttpUtil.isKeepAlive(head);
            }
            if (msg instanceof HttpContent content) {
                content(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void content(HttpContent content) {
        if (status < 200) {
            // An interim answer (100 Continue): the final one follows.
            if (content instanceof LastHttpContent) {
                answered = false;
            }
            return;
        }
        if (answer == null) {
            answer = ch.alloc().buffer();
        }
        if (answer.readableBytes() + content.content().readableBytes() > MAX_ANSWER_BYTES) {
            fail(new IllegalStateException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes"));
            return;
        }
        answer.writeBytes(content.content());
        if (content instanceof LastHttpContent) {
            String text = answer.toString(StandardCharsets.UTF_8);
            answer.release();
            answer = null;
            stopTimer();
            Channel done = ch;
            ch = null;
            if (keepAlive) {
                upstream.channels().release(done);
            } else {
                done.close();
            }
            result.complete(new Answer(status, text));
        }
    }

    @Override
    public void onIdle() {
        fail(new TimeoutException("no answer from the API server for the idle timeout"));
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void lifetimeExceeded() {
        fail(new TimeoutException("no answer within the review timeout"));
    }

    @Override
    public void onClosed(Throwable cause) {
        if (result.isDone()) {
            return;
        }
        if (reused && !answered) {
            // A connection that waited in the pool may have been closed by the server meanwhile.
            reused = false;
            Channel gone = ch;
            ch = null;
            connect(gone.eventLoop());
            return;
        }
        fail(cause != null ? cause : new IllegalStateException("the API server closed the connection"));
    }

    private void fail(Throwable cause) {
        if (result.isDone()) {
            return;
        }
        stopTimer();
        if (answer != null) {
            answer.release();
            answer = null;
        }
        if (ch != null) {
            ch.close();
            ch = null;
        }
        result.completeExceptionally(cause);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
