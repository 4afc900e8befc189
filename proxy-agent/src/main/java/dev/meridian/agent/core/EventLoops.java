package dev.meridian.agent.core;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event loops the agent owns, and the only ones it runs on: one thread accepting
 * connections, {@code n} serving them, their upstream connections and the agent's own calls
 * (reviews). The native epoll transport where it loads, else NIO.
 */
public final class EventLoops implements AutoCloseable {
    private final boolean epoll;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup loops;

    public EventLoops(int n) {
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("agent-accept", true), io);
        this.loops = new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory("agent-loop", true), io);
    }

    public EventLoopGroup acceptor() {
        return acceptor;
    }

    public EventLoopGroup loops() {
        return loops;
    }

    /** The loop the caller runs on when it is one of these, else the next one: work started there stays there. */
    public EventLoop current() {
        for (EventExecutor e : loops) {
            if (e.inEventLoop()) {
                return (EventLoop) e;
            }
        }
        return loops.next();
    }

    /** Client sockets of this transport. */
    public ChannelFactory<? extends Channel> channels() {
        return new ReflectiveChannelFactory<>(epoll ? EpollSocketChannel.class : NioSocketChannel.class);
    }

    /** Listening sockets of this transport. */
    public ChannelFactory<? extends ServerChannel> serverChannels() {
        return new ReflectiveChannelFactory<>(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Stops the loops, waiting up to {@code timeout}; returns whether they stopped in time. */
    public boolean close(Duration timeout) {
        acceptor.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        loops.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return acceptor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    && loops.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
