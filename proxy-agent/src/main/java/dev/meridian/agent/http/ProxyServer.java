package dev.meridian.agent.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    public record Options(
            String host,
            int port,
            SslContext tls,
            Duration idleTimeout,
            Duration headTimeout,
            int maxConnections,
            int maxConnectionsPerClient,
            java.util.function.Predicate<String> unlimitedClient) {}

    private final Channel listener;
    private final ChannelGroup connections;
    private final Tracker tracker;

    private ProxyServer(Channel listener, ChannelGroup connections, Tracker tracker) {
        this.listener = listener;
        this.connections = connections;
        this.tracker = tracker;
    }

    public static ProxyServer start(
            Options options,
            EventLoopGroup acceptor,
            EventLoopGroup loops,
            ChannelFactory<? extends ServerChannel> channels,
            Consumer<ClientRequest> requests) {
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        Tracker tracker = new Tracker();
        ConnectionLimits limits = new ConnectionLimits(
                options.maxConnections(), options.maxConnectionsPerClient(), options.unlimitedClient());
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
                        Serving serving = new Serving(
                                options, requests, tracker, admission == ConnectionLimits.Admission.HEALTH_ONLY);
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
                                    Http2Front.configure(ctx.pipeline(), serving);
                                } else {
                                    http1(ctx.pipeline(), serving);
                                }
                            }

                            @Override
                            protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                                LOG.debug(
                                        "TLS handshake with {} failed: {}",
                                        ctx.channel().remoteAddress(),
                                        cause.toString());
                                ctx.close();
                            }
                        });
                    }
                });
        Channel listener = bootstrap
                .bind(options.host(), options.port())
                .syncUninterruptibly()
                .channel();
        return new ProxyServer(listener, connections, tracker);
    }

    /** What every connection of this listener is served with; {@code overCapacity} connections answer health checks only. */
    record Serving(Options options, Consumer<ClientRequest> requests, Tracker tracker, boolean overCapacity) {
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
                Http2Front.Quiet h2 = ch.pipeline().get(Http2Front.Quiet.class);
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
