package dev.meridian.agent.server;

import dev.meridian.agent.core.AgentException;
import dev.meridian.agent.core.EventLoops;
import dev.meridian.agent.forward.Cors;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * The admin listener, never exposed by the ingress: Prometheus metrics, readiness, liveness. It has
 * no authentication, so it binds to loopback unless {@code --admin-bind-address} opens it. It runs
 * on the agent's event loops; a metrics scrape (which may take a while) runs on a thread of its own.
 */
final class AdminServer implements AutoCloseable {
    /** Requests to the admin listener are tiny; anything larger is refused by the aggregator. */
    private static final int MAX_REQUEST = 64 * 1024;

    private final Channel listener;
    private final ExecutorService scrapes;

    private AdminServer(Channel listener, ExecutorService scrapes) {
        this.listener = listener;
        this.scrapes = scrapes;
    }

    static AdminServer start(
            EventLoops loops, String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        ExecutorService scrapes = Executors.newSingleThreadExecutor(new DefaultThreadFactory("agent-metrics", true));
        try {
            Channel listener = new ServerBootstrap()
                    .group(loops.acceptor(), loops.loops())
                    .channelFactory(loops.serverChannels())
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST))
                                    .addLast(new Handler(registry, ready, scrapes));
                        }
                    })
                    .bind(host, port)
                    .syncUninterruptibly()
                    .channel();
            return new AdminServer(listener, scrapes);
        } catch (RuntimeException e) {
            scrapes.shutdownNow();
            throw new AgentException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        scrapes.shutdownNow();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final PrometheusMeterRegistry registry;
        private final BooleanSupplier ready;
        private final ExecutorService scrapes;

        Handler(PrometheusMeterRegistry registry, BooleanSupplier ready, ExecutorService scrapes) {
            this.registry = registry;
            this.ready = ready;
            this.scrapes = scrapes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            switch (new QueryStringDecoder(req.uri()).path()) {
                case "/metrics" -> scrape(ctx, keepAlive);
                case "/readyz" -> send(ctx, health(ready.getAsBoolean()), keepAlive);
                case "/healthz" -> send(ctx, health(true), keepAlive);
                default -> send(ctx, answer(HttpResponseStatus.NOT_FOUND, null, ""), keepAlive);
            }
        }

        private void scrape(ChannelHandlerContext ctx, boolean keepAlive) {
            try {
                scrapes.execute(() -> {
                    FullHttpResponse response;
                    try {
                        response = answer(
                                HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                    } catch (RuntimeException e) {
                        response = answer(HttpResponseStatus.INTERNAL_SERVER_ERROR, null, "");
                    }
                    FullHttpResponse done = response;
                    ctx.executor().execute(() -> send(ctx, done, keepAlive));
                });
            } catch (RejectedExecutionException e) {
                send(ctx, answer(HttpResponseStatus.SERVICE_UNAVAILABLE, null, ""), false);
            }
        }

        /** The same answer as the proxy listener's {@code /healthz}. */
        private static FullHttpResponse health(boolean healthy) {
            FullHttpResponse response = answer(
                    healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "text/plain; charset=utf-8",
                    healthy ? "ok" : "unavailable");
            Cors.headers().forEach(h -> response.headers().set(h.getKey(), h.getValue()));
            return response;
        }

        private static FullHttpResponse answer(HttpResponseStatus status, String type, String body) {
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            if (type != null) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            }
            HttpUtil.setContentLength(response, response.content().readableBytes());
            return response;
        }

        private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            HttpUtil.setKeepAlive(response, keepAlive);
            if (keepAlive) {
                ctx.writeAndFlush(response, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
