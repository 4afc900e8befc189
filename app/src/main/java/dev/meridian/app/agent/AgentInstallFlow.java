package dev.meridian.app.agent;

import dev.meridian.app.contexts.ProbeTargets;
import dev.meridian.app.fleet.EditResult;
import dev.meridian.app.fleet.EndpointChange;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.health.ProbeResult;
import dev.meridian.app.health.Prober;
import dev.meridian.installer.apply.AgentInstaller;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.InstallResult;
import dev.meridian.installer.apply.ObjectRef;
import dev.meridian.installer.apply.ProgressListener;
import dev.meridian.installer.manifest.InstallSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What "install the agent" and "uninstall the agent" mean, for the command line and the desktop app
 * alike. Install: apply the agent's objects in the connected cluster and wait for the rollout, set
 * the cluster's direct endpoint annotations on the management plane, then probe the new endpoint
 * once. Uninstall: delete what the install created, then clear those annotations.
 */
public final class AgentInstallFlow {
    private final Function<KubernetesClient, AgentInstaller> installers;
    private final Supplier<Prober> probers;
    private final Clock clock;

    /**
     * @param installers makes the installer for a target cluster's client (tests pass one whose
     *     applier works on the CRUD mock)
     * @param probers a fresh prober for the health check; the flow closes it
     */
    public AgentInstallFlow(
            Function<KubernetesClient, AgentInstaller> installers, Supplier<Prober> probers, Clock clock) {
        this.installers = installers;
        this.probers = probers;
        this.clock = clock;
    }

    /** The product's flow: server-side apply, the system resolver. */
    public static AgentInstallFlow standard(Clock clock) {
        return new AgentInstallFlow(AgentInstaller::new, Prober::create, clock);
    }

    /** What the install did. */
    public record Outcome(
            InstallResult install, EndpointChange change, EditResult edited, Optional<ProbeResult> health) {}

    /** What the uninstall did: the objects deleted in the connected cluster and the cleared cluster. */
    public record Removal(List<ObjectRef> deleted, EditResult cleared) {
        public Removal {
            deleted = List.copyOf(deleted);
        }
    }

    /**
     * Deletes every object the install created in {@code namespace} of the connected cluster, then
     * clears the cluster's endpoint annotations so its contexts take the central route again. Safe to
     * repeat; blocks.
     */
    public Removal uninstall(
            KubernetesClient target,
            FleetService fleet,
            String clusterName,
            String namespace,
            ProgressListener listener) {
        List<ObjectRef> deleted = installers.apply(target).uninstall(namespace, listener);
        EditResult cleared = fleet.clearEndpoint(clusterName, null);
        return new Removal(deleted, cleared);
    }

    /**
     * Runs the whole install; blocks until the rollout is done (when the options wait for it).
     *
     * @param target client of the connected cluster itself
     * @param fleet the management plane's fleet service, where the endpoint annotations go
     */
    public Outcome install(
            KubernetesClient target,
            FleetService fleet,
            InstallSpec spec,
            InstallOptions options,
            ProgressListener listener) {
        boolean insecure = options.insecure();
        InstallResult result = installers.apply(target).install(spec, options, listener);
        String caBase64 = result.hasCaPem() && !insecure
                ? Base64.getEncoder().encodeToString(result.caPem().getBytes(StandardCharsets.US_ASCII))
                : null;
        EndpointChange change = EndpointChange.of(result.endpoint(), insecure, caBase64, null, clock.instant());
        EditResult edited = fleet.setEndpoint(spec.clusterName(), change, null);
        Optional<ProbeResult> health = Optional.empty();
        if (result.rolledOut()) {
            health = ProbeTargets.direct(edited.cluster()).map(t -> {
                try (Prober prober = probers.get()) {
                    return prober.probe(t);
                }
            });
        }
        return new Outcome(result, change, edited, health);
    }
}
