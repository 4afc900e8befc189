package dev.meridian.app.sandbox;

import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What runs on one sandbox cluster because Meridian installed it there: the agent its Deployment
 * describes and the ingress serving its Ingress. Nothing runs until the installer's objects appear.
 */
final class SimulatedInstalls implements AutoCloseable {
    private final InstalledAgents agents;
    private final ServedIngresses ingresses;

    private SimulatedInstalls(InstalledAgents agents, ServedIngresses ingresses) {
        this.agents = agents;
        this.ingresses = ingresses;
    }

    /**
     * @param home the cluster's folder in the sandbox (installed agents' files, the ingress's port)
     * @param upstream how an installed agent reaches the cluster's API server
     */
    static SimulatedInstalls start(
            String clusterName,
            SimulatedApiServer api,
            Path home,
            ClusterSource upstream,
            InProcess inProcess,
            SandboxIssuer issuer,
            Vertx vertx) {
        InstalledAgents agents = new InstalledAgents(clusterName, api, home.resolve("installed"), upstream, inProcess);
        try {
            return new SimulatedInstalls(agents, new ServedIngresses(clusterName, api, agents, issuer, vertx, home));
        } catch (RuntimeException e) {
            agents.close();
            throw e;
        }
    }

    /** The installed agent in {@code namespace}, while its Deployment exists. */
    Optional<RunningAgent> agent(String namespace) {
        return agents.agent(namespace);
    }

    /** The port of the ingress listener, while the agent's Ingress exists. */
    Optional<Integer> ingressPort() {
        return ingresses.port();
    }

    @Override
    public void close() {
        ingresses.close();
        agents.close();
    }
}
