package dev.meridian.agent.server;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.http.ProxyServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class DefaultRunningAgent implements RunningAgent {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRunningAgent.class);

    private final Vertx vertx;
    private final ProxyServer server;
    private final HttpServer admin;
    private final Optional<String> ca;
    private final AgentConfig config;
    private final AtomicBoolean ready;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultRunningAgent(
            Vertx vertx,
            ProxyServer server,
            HttpServer admin,
            Optional<String> ca,
            AgentConfig config,
            AtomicBoolean ready,
            List<AutoCloseable> resources) {
        this.vertx = vertx;
        this.server = server;
        this.admin = admin;
        this.ca = ca;
        this.config = config;
        this.ready = ready;
        this.resources = List.copyOf(resources);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int adminPort() {
        return admin == null ? -1 : admin.actualPort();
    }

    @Override
    public boolean isTls() {
        return config.tls().isTls();
    }

    @Override
    public Optional<String> caCertificatePem() {
        return ca;
    }

    @Override
    public boolean isReady() {
        return ready.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ready.set(false);
        LOG.info("shutting down: draining requests in flight for up to {}", config.shutdownGrace());
        if (!server.shutdown(config.shutdownGrace())) {
            LOG.warn("requests still in flight after the grace period were cut");
        }
        if (admin != null) {
            admin.close();
        }
        resources.forEach(DefaultRunningAgent::closeQuietly);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("event loops did not stop cleanly: {}", e.toString());
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("cannot close {}: {}", c, e.toString());
        }
    }
}
