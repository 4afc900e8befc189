package dev.meridian.agent.server;

import dev.meridian.agent.config.AgentConfig;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;

import java.util.concurrent.TimeUnit;

final class ServerOptions {
    private ServerOptions() {
    }

    /**
     * A client connection may sit silent a little longer than a request waits on a silent API
     * server, so that such a request is answered 504 rather than its connection dropped.
     */
    static final long CLIENT_IDLE_GRACE_SECONDS = 5;

    static HttpServerOptions proxy(AgentConfig config) {
        return new HttpServerOptions()
                .setTcpNoDelay(true)
                // Every response is written on its connection's event loop (reviews and upstream
                // answers are brought back to it), so HTTP/1 writes skip the cross-thread queue.
                .setStrictThreadMode(true)
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toSeconds() + CLIENT_IDLE_GRACE_SECONDS))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // Label selectors and field selectors make long request lines.
                .setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(64 * 1024)
                .setMaxChunkSize(64 * 1024)
                .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(1000))
                .setHandle100ContinueAutomatically(false)
                // The agent relays WebSocket upgrades as raw bytes and never speaks WebSocket itself:
                // without these, every connection carries an extension handler that inspects each
                // request (and could negotiate compression on a 101 it merely relays).
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }
}
