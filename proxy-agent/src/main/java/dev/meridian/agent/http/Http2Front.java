package dev.meridian.agent.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
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
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's HTTP/2 side (TLS with ALPN h2): one child channel per stream, each served like an
 * HTTP/1.x request; streams refused for their headers are still audited; protocol errors are
 * noted, not logged loudly; a connection closes once quiet.
 */
final class Http2Front {
    private static final Logger LOG = LoggerFactory.getLogger(Http2Front.class);

    private Http2Front() {}

    static void configure(ChannelPipeline p, ProxyServer.Serving serving) {
        Http2FrameCodec codec = new RefusalAuditingCodecBuilder(serving)
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(ProxyServer.MAX_CONCURRENT_STREAMS)
                        .maxHeaderListSize(ProxyServer.MAX_HEADERS))
                .validateHeaders(true)
                .build();
        p.addLast("idle", new IdleStateHandler(serving.idleMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("h2", codec);
        p.addLast("h2-quiet", new Quiet(codec));
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
        private final ProxyServer.Serving serving;

        RefusalAuditingCodecBuilder(ProxyServer.Serving serving) {
            this.serving = serving;
            server(true);
        }

        @Override
        protected Http2FrameCodec build(
                Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
            return super.build(
                    new DecoratingHttp2ConnectionDecoder(decoder) {
                        @Override
                        public void decodeFrame(
                                ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in, java.util.List<Object> out)
                                throws Http2Exception {
                            try {
                                super.decodeFrame(ctx, in, out);
                            } catch (Http2Exception.StreamException e) {
                                // Only a stream never created was a request refused before it began; errors
                                // on streams that exist reach their request as a reset.
                                if (e.streamId() > connection().remote().lastStreamCreated()) {
                                    LOG.debug(
                                            "HTTP/2 stream {} from {} refused: {}",
                                            e.streamId(),
                                            ctx.channel().remoteAddress(),
                                            e.getMessage());
                                    ClientHandler.refusedStream(
                                            ctx.channel(),
                                            serving.requests(),
                                            serving.tracker(),
                                            serving.overCapacity(),
                                            e instanceof Http2Exception.HeaderListSizeException ? 431 : 400);
                                }
                                throw e;
                            }
                        }
                    },
                    encoder,
                    settings);
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
    static final class Quiet extends ChannelInboundHandlerAdapter {
        private final Http2FrameCodec codec;
        private ChannelHandlerContext ctx;
        private boolean closing;

        Quiet(Http2FrameCodec codec) {
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
}
