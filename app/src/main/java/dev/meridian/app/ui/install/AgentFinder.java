package dev.meridian.app.ui.install;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.ui.hooks.AgentInstallerLauncher.Presence;
import dev.meridian.installer.manifest.AgentNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Asks a connected cluster whether Meridian's agent runs in it, for "Uninstall agent...": through the target the
 * uninstall dialog would preselect (a context named as the cluster, or a sandbox cluster's central route). Where
 * there is no such target, or the cluster does not answer, the fleet's word stands ({@link Presence#fromFleet}).
 */
final class AgentFinder {
    private final InstallServices services;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agent-finder");
        t.setDaemon(true);
        return t;
    });

    AgentFinder(InstallServices services) {
        this.services = services;
    }

    /** Answers on the services' FX executor, once. */
    void find(ContextConnection plane, ClusterInfo cluster, List<String> contexts, Consumer<Presence> onAnswer) {
        boolean sandbox = dev.meridian.app.sandbox.SandboxInstallDefaults.isSandbox(cluster.labels());
        String target = Targets.forUninstall(cluster.name(), contexts, sandbox);
        if (target == null) {
            onAnswer.accept(Presence.fromFleet(cluster));
            return;
        }
        CompletableFuture.supplyAsync(() -> ask(plane, cluster, target), worker)
                .exceptionally(error -> Presence.fromFleet(cluster))
                .thenAccept(presence -> services.fxThread().execute(() -> onAnswer.accept(presence)));
    }

    private Presence ask(ContextConnection plane, ClusterInfo cluster, String target) {
        try (KubernetesClient client = Targets.CENTRAL_ROUTE.equals(target)
                ? services.clients().openCentralRoute(plane, cluster.name())
                : services.clients().open(plane, target)) {
            Optional<Deployment> agent = client
                    .apps()
                    .deployments()
                    .inAnyNamespace()
                    .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                    .list()
                    .getItems()
                    .stream()
                    .filter(d -> AgentNames.AGENT.equals(d.getMetadata().getName()))
                    .findFirst();
            return agent.map(d -> new Presence(true, Presence.removes(cluster)))
                    .orElseGet(() -> new Presence(
                            false,
                            "Nothing to uninstall: no Meridian agent runs in "
                                    + Targets.describe(target, cluster.name()) + "."));
        }
    }
}
