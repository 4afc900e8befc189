package dev.meridian.agent.upstream;

import dev.meridian.agent.core.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keep-alive HTTP/1.1 connections to one API server, driven straight on Netty on the event loop
 * of the request they serve: no pool lock, no future chain, no copy of the head between layers.
 * Each event loop keeps its own idle connections (touched only by that loop's thread), the most
 * recently used first, so a busy loop reuses a warm connection and never waits for another.
 * TLS is verified by {@code tls} (the cluster's CA and the host name); {@code tls} is null for
 * plain HTTP upstreams such as an agent behind the gateway.
 */
public final class UpstreamChannels implements AutoCloseable {
    /** An idle connection older than this is closed rather than reused: the server may be closing it too. */
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(55);
    /** Idle connections kept per event loop beyond what is in use; more are closed when released. */
    static final int MAX_IDLE_PER_LOOP = 256;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;
    /** The Host header of every request sent here, built once rather than per request. */
    private final AsciiString hostHeader;

    private final SslContext tls;
    private final ChannelFactory<? extends Channel> channels;
    private final long idleMillis;
    private final Map<EventLoop, ArrayDeque<Idle>> idle = new ConcurrentHashMap<>();
    /** Every open connection, idle or in use: closing the upstream ends them all, watches included. */
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    private final EventLoops loops;

    private volatile boolean closed;

    private record Idle(Channel channel, long since) {}

    /**
     * What a connection tells the exchange it currently serves, on the connection's event loop:
     * the proxy's relayed requests and the agent's own calls alike.
     */
    public interface Call {
        /** A message read (a response head or content); the call releases it. */
        void onMessage(Object msg);

        /** The connection's writability changed. */
        default void onWritability(boolean writable) {}

        /** Nothing was read for the idle timeout. */
        void onIdle();

        /** When the call has lived as long as it may (System.nanoTime). */
        long deadlineNanos();

        /** The call outlived {@link #deadlineNanos()}. */
        void lifetimeExceeded();

        /** The connection closed ({@code cause} null) or failed while serving the call. */
        void onClosed(Throwable cause);
    }

    UpstreamChannels(String host, int port, SslContext tls, EventLoops loops, Duration idleTimeout) {
        this.host = host;
        this.port = port;
        this.hostHeader = new AsciiString(Upstream.authority(host, port, tls != null));
        this.tls = tls;
        this.loops = loops;
        this.channels = loops.channels();
        this.idleMillis = idleTimeout.toMillis();
    }

    public AsciiString hostHeader() {
        return hostHeader;
    }

    /** The event loop a call started by the current thread runs on: its own when it is one of the agent's. */
    public EventLoop loop() {
        return loops.current();
    }

    /**
     * A connection ready for a request (TLS handshake done), on {@code loop}: an idle one when
     * there is one, else a new one. Called on {@code loop}'s thread; the future completes there.
     */
    public Future<Channel> acquire(EventLoop loop) {
        Channel kept = idle(loop);
        if (kept != null) {
            return loop.newSucceededFuture(kept);
        }
        if (closed) {
            return loop.newFailedFuture(new IllegalStateException("upstream " + host + ":" + port + " is closed"));
        }
        return connect(loop, false);
    }

    /**
     * Hands {@code onChannel} a connection ready for a request on {@code loop}: an idle one at once
     * (on this thread), else a new one once its handshake is done; {@code onFailure} gets why none
     * could be had. Called on {@code loop}'s thread.
     */
    public void obtain(EventLoop loop, Consumer<Channel> onChannel, Consumer<Throwable> onFailure) {
        Channel kept = idle(loop);
        if (kept != null) {
            onChannel.accept(kept);
            return;
        }
        acquire(loop).addListener(f -> {
            if (f.isSuccess()) {
                onChannel.accept((Channel) f.getNow());
            } else {
                onFailure.accept(f.cause());
            }
        });
    }

    /** An idle connection of {@code loop} still fit for a request, or null. Called on {@code loop}'s thread. */
    public Channel idle(EventLoop loop) {
        ArrayDeque<Idle> pool = closed ? null : idle.get(loop);
        if (pool != null) {
            long now = System.nanoTime();
            Idle entry;
            while ((entry = pool.pollFirst()) != null) {
                if (entry.channel.isActive() && now - entry.since < KEEP_ALIVE_NANOS) {
                    return entry.channel;
                }
                entry.channel.close();
            }
        }
        return null;
    }

    /**
     * A new connection that speaks no HTTP of its own, for an upgrade whose head the caller
     * writes and reads; its owner closes it. Idle in both directions for the idle timeout, it
     * says so with an {@link IdleStateEvent}.
     */
    public Future<Channel> connectRaw(EventLoop loop) {
        if (closed) {
            return loop.newFailedFuture(new IllegalStateException("upstream " + host + ":" + port + " is closed"));
        }
        return connect(loop, true);
    }

    private Future<Channel> connect(EventLoop loop, boolean raw) {
        Promise<Channel> ready = loop.newPromise();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(channels)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        // Read-idle only: an all-idle handler would add a listener to every write.
                        p.addLast(
                                "idle",
                                raw
                                        ? new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS)
                                        : new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
                        if (tls != null) {
                            p.addLast("tls", tls.newHandler(ch.alloc(), host, port));
                        }
                        if (!raw) {
                            p.addLast("http", new HttpClientCodec(16 * 1024, 64 * 1024, 64 * 1024));
                            p.addLast("call", new CallHandler());
                        }
                    }
                });
        bootstrap.connect(host, port).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                ready.setFailure(connected.cause());
                return;
            }
            Channel ch = connected.channel();
            open.add(ch);
            if (closed) {
                ch.close();
                ready.setFailure(new IllegalStateException("upstream " + host + ":" + port + " is closed"));
                return;
            }
            SslHandler handshake = ch.pipeline().get(SslHandler.class);
            if (handshake == null) {
                ready.setSuccess(ch);
                return;
            }
            handshake.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    ready.setSuccess(ch);
                } else {
                    ch.close();
                    ready.setFailure(done.cause());
                }
            });
        });
        return ready;
    }

    /** Returns a connection whose exchange ended cleanly, on its own event loop's thread. */
    public void release(Channel ch) {
        CallHandler handler = callHandler(ch);
        if (handler != null) {
            handler.call = null;
        }
        // A connection paused for a slow client (its answer's end came in the same read) is not
        // handed to the next request, which would never hear back on it.
        if (closed || !ch.isActive() || !ch.config().isAutoRead()) {
            ch.close();
            return;
        }
        ArrayDeque<Idle> pool = idle.computeIfAbsent(ch.eventLoop(), l -> new ArrayDeque<>());
        if (pool.size() >= MAX_IDLE_PER_LOOP) {
            ch.close();
            return;
        }
        pool.addFirst(new Idle(ch, System.nanoTime()));
    }

    /**
     * Points the connection's events at {@code call} until the connection is released or closed,
     * and ends the call when it outlives its {@link Call#deadlineNanos}. Returns whether
     * the connection served an earlier request (and so waited in the pool).
     */
    public static boolean attach(Channel ch, Call call) {
        CallHandler handler = callHandler(ch);
        handler.call = call;
        handler.watch(call.deadlineNanos());
        return handler.calls++ > 0;
    }

    /** The connection's call handler: the last in its pipeline, found without a search by class. */
    private static CallHandler callHandler(Channel ch) {
        return ch.pipeline().last() instanceof CallHandler last
                ? last
                : ch.pipeline().get(CallHandler.class);
    }

    /** Idle connections across all loops, for tests. */
    int idleCount() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /**
     * Closes every connection, those in use too: requests in flight fail as if the API server
     * had gone (a removed cluster's watches end). Idle entries left in the pools are closed
     * channels, which {@link #acquire} discards.
     */
    @Override
    public void close() {
        closed = true;
        open.close();
    }

    /** Hands what the connection reads to the exchange it currently serves, and ends one that outlives its limit. */
    private static final class CallHandler extends ChannelInboundHandlerAdapter {
        Call call;
        int calls;
        private ChannelHandlerContext ctx;
        /**
         * Runs out at {@link #timerDeadline}, when the call then in progress may have outlived its
         * own deadline. One timer per connection, moved on as calls come and go, instead of one
         * scheduled and cancelled per request: the limit (12 h by default) is almost never reached.
         */
        private ScheduledFuture<?> lifetimeTimer;

        private long timerDeadline;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        /** Makes sure the timer runs out no later than {@code deadline}. */
        void watch(long deadline) {
            if (lifetimeTimer != null) {
                if (timerDeadline - deadline <= 0) {
                    return;
                }
                // A call retried from another connection brings an earlier deadline.
                lifetimeTimer.cancel(false);
            }
            timerDeadline = deadline;
            lifetimeTimer =
                    ctx.executor().schedule(this::checkLifetime, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        private void checkLifetime() {
            lifetimeTimer = null;
            Call current = call;
            if (current == null) {
                // Idle: the next call arms the timer again.
                return;
            }
            if (System.nanoTime() - current.deadlineNanos() >= 0) {
                current.lifetimeExceeded();
            } else {
                watch(current.deadlineNanos());
            }
        }

        private void stopTimer() {
            if (lifetimeTimer != null) {
                lifetimeTimer.cancel(false);
                lifetimeTimer = null;
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (call != null) {
                call.onMessage(msg);
            } else {
                // Nothing was asked: an idle connection must not speak. Drop it and close.
                io.netty.util.ReferenceCountUtil.release(msg);
                ctx.close();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (call != null) {
                call.onWritability(ctx.channel().isWritable());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                if (call != null) {
                    call.onIdle();
                } else {
                    ctx.close();
                }
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        // A closing connection tells its call once (the call may go on elsewhere: a retry).
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stopTimer();
            Call current = call;
            call = null;
            if (current != null) {
                current.onClosed(null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Call current = call;
            call = null;
            ctx.close();
            if (current != null) {
                current.onClosed(cause);
            }
        }
    }
}
