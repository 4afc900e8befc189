package dev.meridian.app.ui.integration;

import java.time.Clock;
import java.time.Duration;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.kubeconfig.ManagementConnection;
import dev.meridian.app.ui.hooks.ContextActions;

/** "Use cluster" and "Use space" through the kubeconfig engine, as {@code meridian cluster use} does. */
public final class KubeconfigContextActions implements ContextActions {
    private final KubeconfigService kubeconfig;
    private final CentralGateways.Memo gateways = new CentralGateways.Memo(Duration.ofMinutes(1), Clock.systemUTC());

    public KubeconfigContextActions(KubeconfigService kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    @Override
    public String useCluster(ManagementConnection plane, ClusterInfo cluster) {
        return use(plane, cluster, null);
    }

    @Override
    public String useSpace(ManagementConnection plane, ClusterInfo cluster, String space) {
        return use(plane, cluster, space);
    }

    private String use(ManagementConnection plane, ClusterInfo cluster, String space) {
        ManagementAccess access = gateways.resolve(kubeconfig.managementAccess(plane.contextName()),
                plane.minifiedKubeconfig());
        ContextSpec spec = new ClusterContexts(access).specFor(cluster, space);
        kubeconfig.writeAndSwitch(spec);
        String route = ClusterContexts.directEndpoint(cluster).map(d -> "direct endpoint " + d.url())
                .orElse("central route");
        return "kubectl now uses " + spec.name() + " (" + route + ").";
    }
}
