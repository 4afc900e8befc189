package dev.meridian.agent.server;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.core.EventLoops;
import dev.meridian.agent.http.ProxyServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class DefaultRunningAgent implements RunningAgent {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRunningAgent.class);

    private final EventLoops loops;
    private final ProxyServer server;
    private final AdminServer admin;
    private final Optional<String> ca;
    private final AgentConfig config;
    private final AtomicBoolean ready;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultRunningAgent(
            EventLoops loops,
            ProxyServer server,
            AdminServer admin,
            Optional<String> ca,
            AgentConfig config,
            AtomicBoolean ready,
            List<AutoCloseable> resources) {
        this.loops = loops;
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
        return admin == null ? -1 : admin.port();
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
        if (!loops.close(Duration.ofSeconds(10))) {
            LOG.warn("event loops did not stop cleanly");
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
