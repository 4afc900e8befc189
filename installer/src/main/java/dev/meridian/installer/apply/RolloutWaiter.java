package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.AgentNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeoutException;

/** Waits for the agent's rollout and for the CA it publishes. */
final class RolloutWaiter {

    private final KubernetesClient client;
    private final ResourceWaiter waiter;

    RolloutWaiter(KubernetesClient client, Duration pollInterval) {
        this.client = client;
        this.waiter = new ResourceWaiter(pollInterval);
    }

    /** Blocks until every replica of the current revision is ready; reports each change of the count. */
    int awaitRollout(String namespace, Duration timeout, long deadlineNanos, ProgressListener listener) {
        long started = System.nanoTime();
        int[] last = {-1, 0};
        try {
            Deployment done = waiter.await(
                    client.apps().deployments().inNamespace(namespace).withName(AgentNames.AGENT),
                    RolloutWaiter::isRolledOut,
                    d -> {
                        int ready = readyReplicas(d);
                        last[1] = desiredReplicas(d);
                        if (ready != last[0]) {
                            last[0] = ready;
                            listener.onEvent(new ProgressEvent.ReplicasReady(ready, last[1]));
                        }
                    },
                    deadlineNanos);
            int ready = readyReplicas(done);
            listener.onEvent(new ProgressEvent.RolloutComplete(ready, Duration.ofNanos(System.nanoTime() - started)));
            return ready;
        } catch (TimeoutException e) {
            throw new RolloutTimeoutException(namespace, Math.max(last[0], 0), last[1], timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallInterruptedException("waiting for the rollout in " + namespace, e);
        } catch (KubernetesClientException e) {
            throw accessOrInterrupted(
                    "watch Deployment " + namespace + "/loft-agent", "waiting for the rollout in " + namespace, e);
        }
    }

    /** Blocks until the agent has written its CA into Secret {@code loft-agent-ca}; returns the PEM. */
    String awaitCaPem(String namespace, Duration timeout, long deadlineNanos, ProgressListener listener) {
        try {
            Secret secret = waiter.await(
                    client.secrets().inNamespace(namespace).withName(AgentNames.CA_SECRET),
                    s -> caPem(s) != null,
                    s -> {},
                    deadlineNanos);
            listener.onEvent(new ProgressEvent.CaCertificateRead(ObjectRef.of(secret)));
            return caPem(secret);
        } catch (TimeoutException e) {
            throw new WaitTimeoutException(
                    "the agent to publish its CA in Secret " + namespace + "/loft-agent-ca",
                    timeout,
                    "The agent writes it when it starts with --self-signed; see 'kubectl -n " + namespace
                            + " logs deployment/loft-agent', then run the same command again.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallInterruptedException("waiting for the agent's CA in " + namespace, e);
        } catch (KubernetesClientException e) {
            throw accessOrInterrupted(
                    "watch Secret " + namespace + "/loft-agent-ca", "waiting for the agent's CA in " + namespace, e);
        }
    }

    /**
     * An interrupt that lands while fabric8 is inside a request surfaces as a client exception
     * wrapping InterruptedException; report it as the interruption it is, not as a cluster problem.
     */
    private static RuntimeException accessOrInterrupted(String action, String waiting, KubernetesClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new InstallInterruptedException(waiting, e);
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            return new InstallInterruptedException(waiting, e);
        }
        return new ClusterAccessException(action, e);
    }

    /** The PEM under {@code ca.crt}, or null when the Secret or the key is absent or empty. */
    static String caPem(Secret secret) {
        if (secret == null) {
            return null;
        }
        if (secret.getData() != null && secret.getData().get(AgentNames.CA_KEY) != null) {
            String pem = new String(
                    Base64.getDecoder().decode(secret.getData().get(AgentNames.CA_KEY)), StandardCharsets.UTF_8);
            return pem.isBlank() ? null : pem;
        }
        if (secret.getStringData() != null && secret.getStringData().get(AgentNames.CA_KEY) != null) {
            String pem = secret.getStringData().get(AgentNames.CA_KEY);
            return pem.isBlank() ? null : pem;
        }
        return null;
    }

    /** As {@code kubectl rollout status}: observed, all replicas updated and ready, no old ones left. */
    static boolean isRolledOut(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        if (status == null) {
            return false;
        }
        Long generation = deployment.getMetadata().getGeneration();
        if (generation != null
                && (status.getObservedGeneration() == null || status.getObservedGeneration() < generation)) {
            return false;
        }
        int desired = desiredReplicas(deployment);
        int updated = status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
        int total = status.getReplicas() == null ? updated : status.getReplicas();
        return updated >= desired && readyReplicas(deployment) >= desired && total <= updated;
    }

    static int readyReplicas(Deployment deployment) {
        return deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null
                ? 0
                : deployment.getStatus().getReadyReplicas();
    }

    static int desiredReplicas(Deployment deployment) {
        Integer replicas =
                deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }
}
