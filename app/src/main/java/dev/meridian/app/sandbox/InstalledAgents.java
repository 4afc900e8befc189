package dev.meridian.app.sandbox;

import dev.meridian.agent.config.AgentCommand;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.AuditTarget;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.installer.manifest.AgentNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What a kubelet and the Deployment controller do for the agent the installer applies to one sandbox
 * cluster: it notices the agent's Deployment appear, change and disappear on the cluster's simulated
 * API server, runs a real agent in process for it (its flags from the Deployment's container args,
 * with the sandbox's stand-ins for what only a pod has), and reports the rollout in the Deployment's
 * status so the installer's wait ends as it would on a real cluster.
 */
final class InstalledAgents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledAgents.class);

    private final String clusterName;
    private final SimulatedApiServer api;
    private final Path home;
    private final ClusterSource upstream;
    private final InProcess inProcess;
    private final Map<String, Running> byNamespace = new ConcurrentHashMap<>();
    private final SharedIndexInformer<Deployment> informer;

    /** One started agent and the pod template it was started from. */
    private record Running(RunningAgent agent, Object template) {}

    /**
     * @param home where the agents' files (certificates, audit logs) go, one folder per namespace
     * @param upstream how the agents reach the simulated API server, as the sandbox's own agents do
     */
    InstalledAgents(
            String clusterName, SimulatedApiServer api, Path home, ClusterSource upstream, InProcess inProcess) {
        this.clusterName = clusterName;
        this.api = api;
        this.home = home;
        this.upstream = upstream;
        this.inProcess = inProcess;
        // the simulated server's own rollout (pods, a finished status at once) must not claim
        // an agent Deployment ready before its agent listens: this controller reports that
        api.rolledOutElsewhere(InstalledAgents::isAgentDeployment);
        this.informer = api.client()
                .apps()
                .deployments()
                .inAnyNamespace()
                .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                .withLabel("app.kubernetes.io/component", "direct-endpoint")
                .inform(
                        Reconciling.handler(
                                this::reconcile, d -> stop(d.getMetadata().getNamespace())),
                        0);
    }

    @SuppressWarnings("unchecked")
    private static boolean isAgentDeployment(Map<String, Object> deployment) {
        Object metadata = deployment.get("metadata");
        if (!(metadata instanceof Map<?, ?> meta) || !AgentNames.AGENT.equals(meta.get("name"))) {
            return false;
        }
        Object labels = meta.get("labels");
        return labels instanceof Map<?, ?> map
                && AgentNames.MANAGER.equals(((Map<String, Object>) map).get(AgentNames.MANAGED_BY))
                && "direct-endpoint".equals(map.get("app.kubernetes.io/component"));
    }

    /** The agent running for the Deployment in {@code namespace}, as the Service {@code loft-agent} there. */
    Optional<RunningAgent> agent(String namespace) {
        return Optional.ofNullable(byNamespace.get(namespace)).map(Running::agent);
    }

    private synchronized void reconcile(Deployment deployment) {
        if (!AgentNames.AGENT.equals(deployment.getMetadata().getName())) {
            return;
        }
        String namespace = deployment.getMetadata().getNamespace();
        Object template = deployment.getSpec().getTemplate();
        Running running = byNamespace.get(namespace);
        if (running == null || !Objects.equals(running.template(), template)) {
            stop(namespace);
            try {
                RunningAgent agent = AgentServer.start(config(namespace, containerArgs(deployment)), inProcess);
                byNamespace.put(namespace, new Running(agent, template));
                LOG.info(
                        "sandbox cluster {}: started the installed agent of {} on port {}",
                        clusterName,
                        namespace,
                        agent.port());
            } catch (RuntimeException e) {
                LOG.warn(
                        "sandbox cluster {}: the installed agent of {} does not start: {}",
                        clusterName,
                        namespace,
                        e.getMessage());
                reportStatus(deployment, false, "the agent does not start: " + e.getMessage());
                return;
            }
        }
        reportStatus(deployment, true, "ReplicaSet \"loft-agent\" has successfully progressed.");
    }

    private static List<String> containerArgs(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> "agent".equals(c.getName()))
                .findFirst()
                .or(() -> deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                        .findFirst())
                .map(Container::getArgs)
                .orElse(List.of());
    }

    /**
     * The agent's own flags as the pod would start with them, then what only a pod has replaced: the
     * upstream is this cluster's simulated API server with the sandbox's agent token, tokens are reviewed
     * in process, it listens on a free loopback port, the admin port is off and a self-signed certificate
     * (when asked for) is kept in the sandbox folder.
     */
    AgentConfig config(String namespace, List<String> args) {
        AgentCommand command = new AgentCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        AgentConfig fromArgs = command.toConfig(true);
        Path folder = home.resolve(namespace);
        ServerTls tls = fromArgs.tls() instanceof ServerTls.Plain
                ? fromArgs.tls()
                : new ServerTls.SelfSigned(folder.resolve("tls"), List.of("127.0.0.1", "localhost"));
        return fromArgs.toBuilder()
                .bindHost("127.0.0.1")
                .port(0)
                .adminPort(-1)
                .tls(tls)
                .caFile(null)
                .publishCaSecret(!(tls instanceof ServerTls.Plain))
                .upstream(upstream)
                .authority(null)
                .namespace(namespace)
                .audit(new AuditTarget.File(folder.resolve("audit.log"), 10_000_000, 1))
                .shutdownGrace(Duration.ofSeconds(1))
                .eventLoops(1)
                .build();
    }

    /** As the Deployment controller writes it once every replica of the template is ready (or not). */
    private void reportStatus(Deployment deployment, boolean ready, String message) {
        int desired = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        int available = ready ? desired : 0;
        String now = Instant.now().toString();
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(desired)
                .withUpdatedReplicas(desired)
                .withReadyReplicas(available)
                .withAvailableReplicas(available)
                .withUnavailableReplicas(desired - available)
                .withConditions(
                        condition(
                                "Available",
                                ready,
                                ready ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                                ready ? "Deployment has minimum availability." : message,
                                now),
                        condition(
                                "Progressing",
                                ready,
                                ready ? "NewReplicaSetAvailable" : "ProgressDeadlineExceeded",
                                message,
                                now))
                .build();
        if (sameCounts(deployment.getStatus(), status)) {
            return;
        }
        deployment.setStatus(status);
        try {
            api.client()
                    .apps()
                    .deployments()
                    .inNamespace(deployment.getMetadata().getNamespace())
                    .resource(deployment)
                    .updateStatus();
        } catch (KubernetesClientException e) {
            // A newer version arrived meanwhile; its own event reports again.
            LOG.debug(
                    "sandbox cluster {}: status of {} not written: {}",
                    clusterName,
                    deployment.getMetadata().getNamespace(),
                    e.getMessage());
        }
    }

    private static DeploymentCondition condition(String type, boolean ok, String reason, String message, String now) {
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(ok ? "True" : "False")
                .withReason(reason)
                .withMessage(message)
                .withLastUpdateTime(now)
                .withLastTransitionTime(now)
                .build();
    }

    /** Writing only what changed keeps the status update's own event from writing again. */
    private static boolean sameCounts(DeploymentStatus old, DeploymentStatus next) {
        return old != null
                && Objects.equals(old.getObservedGeneration(), next.getObservedGeneration())
                && Objects.equals(old.getReplicas(), next.getReplicas())
                && Objects.equals(old.getUpdatedReplicas(), next.getUpdatedReplicas())
                && Objects.equals(old.getReadyReplicas(), next.getReadyReplicas())
                && Objects.equals(old.getAvailableReplicas(), next.getAvailableReplicas());
    }

    private synchronized void stop(String namespace) {
        Running running = byNamespace.remove(namespace);
        if (running != null) {
            running.agent().close();
            LOG.info("sandbox cluster {}: stopped the installed agent of {}", clusterName, namespace);
        }
    }

    @Override
    public synchronized void close() {
        informer.close();
        for (String namespace : List.copyOf(byNamespace.keySet())) {
            stop(namespace);
        }
    }
}
