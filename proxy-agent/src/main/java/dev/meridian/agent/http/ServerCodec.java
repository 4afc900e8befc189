package dev.meridian.agent.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.util.ArrayDeque;
import java.util.List;

/**
 * HTTP/1.x for the client side. Unlike Netty's server codec, a request with both
 * Content-Length and Transfer-Encoding keeps both headers, so the agent sees the ambiguity and
 * refuses it instead of silently choosing one; answers to HEAD requests carry no body.
 */
final class ServerCodec extends CombinedChannelDuplexHandler<ServerCodec.Decoder, ServerCodec.Encoder> {
    /** The methods of requests not yet answered, oldest first (pipelining). */
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>();

    private final Runnable bytesArrived;

    /** {@code bytesArrived} runs whenever bytes come from the client, before they are parsed. */
    ServerCodec(int maxLine, int maxHeaders, int maxChunk, Runnable bytesArrived) {
        this.bytesArrived = bytesArrived;
        init(
                new Decoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(maxLine)
                        .setMaxHeaderSize(maxHeaders)
                        .setMaxChunkSize(maxChunk)),
                new Encoder());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        bytesArrived.run();
        super.channelRead(ctx, msg);
    }

    final class Decoder extends HttpRequestDecoder {
        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf buffer, List<Object> out)
                throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest request) {
                    methods.add(request.method());
                }
            }
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            // Both stay: the request is refused as ambiguous (RFC 9112 6.3), never reinterpreted.
        }
    }

    final class Encoder extends HttpResponseEncoder {
        private HttpMethod method;

        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
            if (msg instanceof HttpResponse response
                    && response.status().codeClass() != io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
                method = methods.poll();
            }
            super.encode(ctx, msg, out);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            // A HEAD answer keeps the framing headers of the GET answer it describes.
            if (!HttpMethod.HEAD.equals(method)) {
                super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
            }
        }
    }
}
