package dev.meridian.agent.forward;

import dev.meridian.agent.http.ClientResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** The anonymous answers: health and CORS preflight, with the headers the design fixes. */
public final class Cors {
    private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAVAILABLE = "unavailable".getBytes(StandardCharsets.UTF_8);

    private Cors() {}

    public static HttpHeaders headers() {
        return new DefaultHttpHeaders()
                .add("access-control-allow-origin", "*")
                .add("access-control-allow-methods", "POST, GET, OPTIONS, PUT, DELETE, PATCH")
                .add("access-control-allow-headers", "*")
                .add("cache-control", "no-cache, private");
    }

    public static void preflight(ClientResponse request) {
        request.respond(HttpResponseStatus.NO_CONTENT, headers(), Unpooled.EMPTY_BUFFER);
    }

    public static void health(ClientResponse request, boolean healthy) {
        request.respond(
                healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                headers().add("content-type", "text/plain; charset=utf-8"),
                Unpooled.wrappedBuffer(healthy ? OK : UNAVAILABLE));
    }
}
