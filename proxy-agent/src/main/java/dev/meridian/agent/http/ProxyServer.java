package dev.meridian.agent.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http2.DecoratingHttp2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStreamEvent;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The proxy's listener, straight on Netty: HTTP/1.1 (and 1.0), and over TLS HTTP/2 when the
 * client offers it (ALPN). Connections are spread over the given event loops; each request is
 * handed to {@code requests} on its connection's loop as a {@link ClientRequest}.
 * Closing drains: no new connections, idle ones close (busy ones once their requests are
 * answered), requests in flight may finish within the grace period, then every connection is closed.
 */
public final class ProxyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);
    /** Label and field selectors make long request lines; kubectl's headers stay far below this. */
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_HEADERS = 64 * 1024;
    static final int MAX_CHUNK = 64 * 1024;
    static final int MAX_CONCURRENT_STREAMS = 1000;

    /**
     * Where the proxy listens and how. {@code tls} null means plain HTTP.
     *
     * @param idleTimeout             a client connection with no request in flight closes after this silence,
     *                                and a client silent this long while sending a body has its request aborted
     * @param headTimeout             a request head must be complete this long after its first byte arrived
     * @param maxConnections          client connections served at once, in total
     * @param maxConnectionsPerClient client connections served at once from one address
     * @param unlimitedClient         addresses (IP literals) exempt from the per-client bound (trusted front proxies)
     */
    public record Options(String host, int port, SslContext tls, Duration idleTimeout, Duration headTimeout,
                          int maxConnections, int maxConnectionsPerClient,
                          java.util.function.Predicate<String> unlimitedClient) {
        public Options(String host, int port, SslContext tls, Duration idleTimeout) {
            this(host, port, tls, idleTimeout, Duration.ofSeconds(30), 10_000, 2048, a -> false);
        }
    }

    private final Channel listener;
    private final ChannelGroup connections;
    private final Tracker tracker;

    private ProxyServer(Channel listener, ChannelGroup connections, Tracker tracker) {
        this.listener = listener;
        this.connections = connections;
        this.tracker = tracker;
    }

    public static ProxyServer start(Options options, EventLoopGroup acceptor, EventLoopGroup loops,
                                    ChannelFactory<? extends ServerChannel> channels, Consumer<ClientRequest> requests) {
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        Tracker tracker = new Tracker();
        ConnectionLimits limits = new ConnectionLimits(options.maxConnections(), options.maxConnectionsPerClient(),
                options.unlimitedClient());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, loops)
                .channelFactory(channels)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ConnectionLimits.Admission admission = limits.admit(ch);
                        if (admission == ConnectionLimits.Admission.REFUSED) {
                            LOG.debug("connection from {} refused: connection limits reached", ch.remoteAddress());
                            ch.close();
                            return;
                        }
                        connections.add(ch);
                        Serving serving = new Serving(options, requests, tracker,
                                admission == ConnectionLimits.Admission.HEALTH_ONLY);
                        ChannelPipeline p = ch.pipeline();
                        if (options.tls() == null) {
                            http1(p, serving);
                            return;
                        }
                        p.addLast("tls", options.tls().newHandler(ch.alloc()));
                        p.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                    http2(ctx.pipeline(), serving);
                                } else {
                                    http1(ctx.pipeline(), serving);
                                }
                            }

                            @Override
                            protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                                LOG.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
                                ctx.close();
                            }
                        });
                    }
                });
        Channel listener = bootstrap.bind(options.host(), options.port()).syncUninterruptibly().channel();
        return new ProxyServer(listener, connections, tracker);
    }

    /** What every connection of this listener is served with; {@code overCapacity} connections answer health checks only. */
    private record Serving(Options options, Consumer<ClientRequest> requests, Tracker tracker, boolean overCapacity) {
        long idleMillis() {
            return options.idleTimeout().toMillis();
        }

        ClientHandler newHandler(boolean h2) {
            return new ClientHandler(requests, tracker, h2, overCapacity, options.headTimeout());
        }
    }

    private static void http1(ChannelPipeline p, Serving serving) {
        ClientHandler client = serving.newHandler(false);
        // Reader-idle only: an all-idle handler would put a listener on every write.
        p.addLast("idle", new IdleStateHandler(serving.idleMillis(), 0, 0, TimeUnit.MILLISECONDS));
        // The codec tells the client handler when bytes arrive, before it parses them: the head
        // timeout starts with a head's first byte (no handler of its own: one hop less per read).
        p.addLast("http", new ServerCodec(MAX_LINE, MAX_HEADERS, MAX_CHUNK, client::bytesArrived));
        p.addLast("client", client);
    }

    private static void http2(ChannelPipeline p, Serving serving) {
        Http2FrameCodec codec = new RefusalAuditingCodecBuilder(serving)
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
                        .maxHeaderListSize(MAX_HEADERS))
                .validateHeaders(true)
                .build();
        p.addLast("idle", new IdleStateHandler(serving.idleMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("h2", codec);
        p.addLast("h2-quiet", new Http2Quiet(codec));
        p.addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel stream) {
                stream.pipeline().addLast("http", new Http2StreamFrameToHttpObjectCodec(true));
                stream.pipeline().addLast("client", serving.newHandler(true));
            }
        }));
        p.addLast("h2-errors", new ProtocolErrors());
    }

    /**
     * The server's HTTP/2 codec, with a watch on the frame decoder: a stream refused for its
     * headers (an illegal name, a connection-specific header, a missing pseudo-header) is reset by
     * the codec before it becomes a request, so it would leave no trace; each is audited here.
     */
    private static final class RefusalAuditingCodecBuilder extends Http2FrameCodecBuilder {
        private final Serving serving;

        RefusalAuditingCodecBuilder(Serving serving) {
            this.serving = serving;
            server(true);
        }

        @Override
        protected Http2FrameCodec build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
            return super.build(new DecoratingHttp2ConnectionDecoder(decoder) {
                @Override
                public void decodeFrame(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in, java.util.List<Object> out)
                        throws Http2Exception {
                    try {
                        super.decodeFrame(ctx, in, out);
                    } catch (Http2Exception.StreamException e) {
                        // Only a stream never created was a request refused before it began; errors
                        // on streams that exist reach their request as a reset.
                        if (e.streamId() > connection().remote().lastStreamCreated()) {
                            LOG.debug("HTTP/2 stream {} from {} refused: {}", e.streamId(), ctx.channel().remoteAddress(),
                                    e.getMessage());
                            ClientHandler.refusedStream(ctx.channel(), serving.requests(), serving.tracker(),
                                    serving.overCapacity(), e instanceof Http2Exception.HeaderListSizeException ? 431 : 400);
                        }
                        throw e;
                    }
                }
            }, encoder, settings);
        }
    }

    /**
     * The last handler of an HTTP/2 connection: protocol errors a client causes (DATA on stream 0,
     * a cut header block) are answered by the codec with GOAWAY and the connection closed; here
     * they are only noted, at debug level, so that no client can flood the log with them.
     */
    static final class ProtocolErrors extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP/2 connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            if (!(cause instanceof Http2Exception)) {
                ctx.close();
            }
        }
    }

    /**
     * Closes an HTTP/2 connection once no stream is open: when it has been silent for the idle
     * timeout, and while the agent shuts down. No GOAWAY is sent while streams are open, as some
     * clients (Java 17's) fail every stream of a connection on GOAWAY, those in flight included;
     * closing a connection with none open sends it.
     */
    static final class Http2Quiet extends ChannelInboundHandlerAdapter {
        private final Http2FrameCodec codec;
        private ChannelHandlerContext ctx;
        private boolean closing;

        Http2Quiet(Http2FrameCodec codec) {
            this.codec = codec;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        /** Closes the connection now if no stream is open, else when the last one closes. */
        void closeWhenQuiet() {
            closing = true;
            closeIfQuiet();
        }

        private void closeIfQuiet() {
            if (codec.connection().numActiveStreams() == 0) {
                ctx.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                closeIfQuiet();
                return;
            }
            ctx.fireUserEventTriggered(evt);
            if (closing && evt instanceof Http2FrameStreamEvent) {
                // After the stream's own handlers heard of it: the count is settled by then.
                ctx.executor().execute(this::closeIfQuiet);
            }
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Stops accepting, closes idle connections and the others as their requests end, waits up to
     * {@code grace} for requests in flight, then closes every connection. Returns whether every
     * request finished in time.
     */
    public boolean shutdown(Duration grace) {
        tracker.draining = true;
        listener.close().syncUninterruptibly();
        for (Channel ch : connections) {
            ch.eventLoop().execute(() -> {
                ClientHandler h1 = ch.pipeline().get(ClientHandler.class);
                Http2Quiet h2 = ch.pipeline().get(Http2Quiet.class);
                if (h1 != null) {
                    h1.closeIfIdle();
                } else if (h2 != null) {
                    h2.closeWhenQuiet();
                }
            });
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (tracker.inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean clean = tracker.inFlight.get() <= 0;
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        return clean;
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    /** Requests in flight across all connections, and whether the server is draining. */
    static final class Tracker {
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean draining;

        void started() {
            inFlight.incrementAndGet();
        }

        void finished() {
            inFlight.decrementAndGet();
        }

        boolean draining() {
            return draining;
        }
    }
}
