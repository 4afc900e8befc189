package dev.meridian.app.ui.integration;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.contexts.ContextSwitcher;
import dev.meridian.app.contexts.ContextSwitcher.SpaceMode;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.kubeconfig.ManagementConnection;
import dev.meridian.app.ui.hooks.ContextActions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * "Use cluster", "Use space" and "Create space" through {@link ContextSwitcher}, the same service
 * {@code meridian cluster use} and {@code meridian space use|create} call.
 */
public final class KubeconfigContextActions implements ContextActions {
    private final KubeconfigService kubeconfig;
    private final CentralGateways.Memo gateways = new CentralGateways.Memo(Duration.ofMinutes(1), Clock.systemUTC());

    public KubeconfigContextActions(KubeconfigService kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    @Override
    public String useCluster(ManagementConnection plane, ClusterInfo cluster) {
        return use(plane, cluster, null, SpaceMode.NONE);
    }

    @Override
    public String useSpace(ManagementConnection plane, ClusterInfo cluster, String space) {
        return use(plane, cluster, space, SpaceMode.USE);
    }

    @Override
    public String createSpace(ManagementConnection plane, ClusterInfo cluster, String space) {
        return "Created space " + space + ". " + use(plane, cluster, space, SpaceMode.CREATE);
    }

    @Override
    public List<String> spaces(ManagementConnection plane, ClusterInfo cluster) {
        return switcher(plane).spaces(cluster);
    }

    private String use(ManagementConnection plane, ClusterInfo cluster, String space, SpaceMode mode) {
        ContextSwitcher switcher = switcher(plane);
        ContextSpec spec = switcher.specFor(cluster, space);
        switcher.switchTo(spec, mode);
        String route = ClusterContexts.directEndpoint(cluster)
                .map(d -> "direct endpoint " + d.url())
                .orElse("central route");
        return "kubectl now uses " + spec.name() + " (" + route + ").";
    }

    private ContextSwitcher switcher(ManagementConnection plane) {
        return new ContextSwitcher(kubeconfig, access(plane));
    }

    /** The management context's access, with the central gateway its plane records. */
    ManagementAccess access(ManagementConnection plane) {
        return gateways.resolve(kubeconfig.managementAccess(plane.contextName()), plane.minifiedKubeconfig());
    }
}
