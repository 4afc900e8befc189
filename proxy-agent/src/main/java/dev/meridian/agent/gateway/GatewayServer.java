package dev.meridian.agent.gateway;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.core.AgentException;
import dev.meridian.agent.forward.GatewayRoutes;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.agent.upstream.ClusterEndpoint;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's engine in gateway mode: {@code /kubernetes/management/**} to the management plane
 * (the configured upstream) and {@code /kubernetes/cluster/<name>/**} to each connected cluster,
 * following the Cluster objects live. Authentication, impersonation, audit and streaming are
 * the agent's, unchanged.
 */
public final class GatewayServer {
    private GatewayServer() {}

    /** How often the Secrets that Cluster objects name are re-read, unless told otherwise. */
    public static final Duration DEFAULT_SECRET_RESYNC = Duration.ofSeconds(30);

    public static RunningAgent start(AgentConfig config) {
        return start(config, DEFAULT_SECRET_RESYNC);
    }

    /** Starts the gateway; {@code secretResync} is how often rotated kubeconfig Secrets are picked up. */
    public static RunningAgent start(AgentConfig config, Duration secretResync) {
        return start(config, secretResync, InProcess.NONE);
    }

    /** Like {@link #start(AgentConfig, Duration)}, with the parts an in-process caller supplies. */
    public static RunningAgent start(AgentConfig config, Duration secretResync, InProcess parts) {
        KubernetesClient management = new KubernetesClientBuilder()
                .withConfig(fabric8Config(config.upstream()))
                .build();
        AtomicReference<ClusterRouteSync> sync = new AtomicReference<>();
        try {
            RunningAgent agent = AgentServer.start(config, parts, upstreams -> {
                GatewayRoutes routes =
                        new GatewayRoutes(upstreams.create("management", ClusterEndpoint.resolve(config.upstream())));
                sync.set(new ClusterRouteSync(management, upstreams, routes, secretResync).start());
                return routes;
            });
            return new Gateway(agent, sync.get(), management);
        } catch (RuntimeException e) {
            Optional.ofNullable(sync.get()).ifPresent(ClusterRouteSync::close);
            management.close();
            throw e;
        }
    }

    /** The management plane's configuration, for the client that watches Cluster objects. */
    // fabric8 deprecates the text form for removal; the file form would skip the error handling here.
    @SuppressWarnings("removal")
    static Config fabric8Config(ClusterSource source) {
        if (source instanceof ClusterSource.Fabric8 f) {
            return f.config();
        }
        if (source instanceof ClusterSource.Kubeconfig k) {
            try {
                return Config.fromKubeconfig(
                        k.context(),
                        Files.readString(k.path()),
                        k.path().toAbsolutePath().toString());
            } catch (java.io.IOException e) {
                throw new AgentException("cannot read kubeconfig " + k.path() + ": " + e.getMessage(), e);
            }
        }
        return Config.autoConfigure(null);
    }

    private record Gateway(RunningAgent agent, ClusterRouteSync sync, KubernetesClient management)
            implements RunningAgent {
        @Override
        public int port() {
            return agent.port();
        }

        @Override
        public int adminPort() {
            return agent.adminPort();
        }

        @Override
        public boolean isTls() {
            return agent.isTls();
        }

        @Override
        public Optional<String> caCertificatePem() {
            return agent.caCertificatePem();
        }

        @Override
        public boolean isReady() {
            return agent.isReady();
        }

        @Override
        public void close() {
            agent.close();
            sync.close();
            management.close();
        }
    }
}
