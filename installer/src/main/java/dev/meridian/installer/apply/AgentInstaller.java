package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.AgentNames;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.YamlRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Installs, inspects, upgrades and removes the agent in one connected cluster. Every step is
 * idempotent: after any failure, running the same operation again completes it.
 */
public final class AgentInstaller {

    /** How often the rollout and the agent's CA are checked while waiting. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private final KubernetesClient target;
    private final ObjectApplier applier;
    private final RolloutWaiter waiter;
    private final IngressCertificate ingress;

    /** Applies with server-side apply (field manager {@code meridian}) through {@code target}. */
    public AgentInstaller(KubernetesClient target) {
        this(target, new ServerSideApplier(target));
    }

    /** {@code applier} writes the objects; {@code target} reads, polls and deletes. */
    public AgentInstaller(KubernetesClient target, ObjectApplier applier) {
        this(target, applier, DEFAULT_POLL_INTERVAL);
    }

    /** As above, reading the rollout's progress every {@code pollInterval}. */
    public AgentInstaller(KubernetesClient target, ObjectApplier applier, Duration pollInterval) {
        this.target = Objects.requireNonNull(target, "target");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.waiter = new RolloutWaiter(target, Objects.requireNonNull(pollInterval, "pollInterval"));
        this.ingress = new IngressCertificate(target, pollInterval);
    }

    /** Exactly the objects {@link #install} would apply, as multi-document YAML. Touches no cluster. */
    public String dryRun(InstallSpec spec) {
        return YamlRenderer.render(AgentManifests.build(spec));
    }

    /**
     * Applies every object of {@code spec} in order, then (with {@link InstallOptions#waitForRollout()})
     * waits for all replicas to be ready and, when the agent serves TLS itself, for its CA.
     *
     * <p>The Ingress is {@code loft-agent-ingress}; one that already routes the host in the agent's
     * namespace (such as the one the platform's documentation has admins create) is adopted, and
     * Meridian's Ingress under its former name {@code loft-agent} is replaced.
     *
     * @throws IngressTakenException an Ingress Meridian cannot adopt routes the host; nothing was applied
     * @throws ApplyException an object was refused; those before it stay applied
     * @throws RolloutTimeoutException the rollout or the CA did not come within the timeout
     * @throws ClusterAccessException the cluster could not be read or watched
     */
    public InstallResult install(InstallSpec spec, InstallOptions options, ProgressListener listener) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<InstallResult.AppliedObject> applied = new ArrayList<>();
        // Before anything is applied: an Ingress in the way refuses the install with nothing half-done.
        IngressClaim ingressClaim = IngressClaim.inspect(target, spec);
        for (HasMetadata built : AgentManifests.build(spec)) {
            if (built instanceof Namespace && isForeignNamespace(spec.namespace())) {
                listener.onEvent(new ProgressEvent.ObjectKept(
                        ObjectRef.of(built),
                        "it existed before and is not managed by Meridian; it will not be deleted by uninstall"));
                continue;
            }
            HasMetadata object = built;
            if (built instanceof Ingress ingress) {
                ingressClaim.retireLegacy(listener);
                object = ingressClaim.shape(ingress, spec, listener);
            }
            Change change = applyOne(object);
            applied.add(new InstallResult.AppliedObject(ObjectRef.of(object), change));
            listener.onEvent(new ProgressEvent.ObjectApplied(ObjectRef.of(object), change));
        }
        ingressClaim.retireLegacy(listener);
        boolean rolledOut = false;
        String caPem = null;
        if (options.waitForRollout()) {
            waiter.awaitRollout(spec.namespace(), options.timeout(), deadline, listener);
            rolledOut = true;
            if (spec.exposure().isServedByAgentTls()) {
                caPem = waiter.awaitCaPem(spec.namespace(), options.timeout(), deadline, listener);
            } else if (spec.hasClusterIssuer()) {
                caPem = ingress.awaitIssuedCaPem(spec, options.timeout(), deadline, listener);
            }
        } else if (spec.exposure().isServedByAgentTls()) {
            caPem = StatusReader.readCaPem(target, spec.namespace());
        } else if (spec.hasClusterIssuer()) {
            caPem = ingress.readIssuedCaPem(spec);
        }
        return new InstallResult(
                spec.namespace(), spec.host(), endpoint(spec), caPem, options.insecure(), rolledOut, applied);
    }

    /** What is installed in {@code namespace}; {@link AgentStatus#installed()} false when nothing is. */
    public AgentStatus status(String namespace) {
        return new StatusReader(target).read(namespace);
    }

    /**
     * Changes the agent image in place (a rolling update) and, with {@link InstallOptions#waitForRollout()},
     * waits for it to roll out.
     *
     * @throws NotInstalledException when no agent is installed in {@code namespace}
     */
    public AgentStatus upgrade(String namespace, String image, InstallOptions options, ProgressListener listener) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        new Upgrader(target, applier).upgrade(namespace, image, listener);
        if (options.waitForRollout()) {
            waiter.awaitRollout(namespace, options.timeout(), deadline, listener);
        }
        return status(namespace);
    }

    /** {@link #upgrade(String, String, InstallOptions, ProgressListener)} with default options. */
    public AgentStatus upgrade(String namespace, String image) {
        return upgrade(namespace, image, InstallOptions.defaults(), ProgressListener.NONE);
    }

    /**
     * Deletes every object an install created in {@code namespace} (by name and by the
     * {@code app.kubernetes.io/managed-by=meridian} label), the CA Secret the agent wrote, and the
     * namespace itself when Meridian created it; an Ingress the install adopted is put back as it was
     * instead. Returns what was deleted; safe to repeat.
     */
    public List<ObjectRef> uninstall(String namespace, ProgressListener listener) {
        return new AgentRemover(target).remove(namespace, listener);
    }

    /** {@link #uninstall(String, ProgressListener)} without progress events. */
    public List<ObjectRef> uninstall(String namespace) {
        return uninstall(namespace, ProgressListener.NONE);
    }

    private Change applyOne(HasMetadata object) {
        return TrackedApply.apply(target, applier, object);
    }

    private boolean isForeignNamespace(String namespace) {
        try {
            Namespace existing = target.namespaces().withName(namespace).get();
            return existing != null && !AgentRemover.isManaged(existing);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read namespace " + namespace, e);
        }
    }

    /**
     * host, or host:nodePort when a NodePort Service exposes the agent and its port is known, or
     * host:port when the Ingress's load balancer publishes a port other than 443.
     */
    private String endpoint(InstallSpec spec) {
        if (spec.exposure() == Exposure.INGRESS) {
            return ingress.endpoint(spec);
        }
        if (spec.exposure() != Exposure.NODEPORT) {
            return spec.host();
        }
        try {
            Service service = target.services()
                    .inNamespace(spec.namespace())
                    .withName(AgentNames.EXTERNAL_SERVICE)
                    .get();
            Integer nodePort =
                    service == null ? null : service.getSpec().getPorts().get(0).getNodePort();
            return nodePort == null ? spec.host() : spec.host() + ":" + nodePort;
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read Service " + spec.namespace() + "/" + AgentNames.EXTERNAL_SERVICE, e);
        }
    }
}
