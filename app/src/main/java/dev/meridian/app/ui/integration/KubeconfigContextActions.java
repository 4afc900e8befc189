package dev.meridian.app.ui.integration;

import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementConnection;
import dev.meridian.app.ui.hooks.ContextActions;

/** "Use cluster" and "Use space" through the kubeconfig engine, as {@code meridian cluster use} does. */
public final class KubeconfigContextActions implements ContextActions {
    private final KubeconfigService kubeconfig;

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
        ContextSpec spec = new ClusterContexts(kubeconfig.managementAccess(plane.contextName())).specFor(cluster, space);
        kubeconfig.writeAndSwitch(spec);
        String route = ClusterContexts.directEndpoint(cluster).map(d -> "direct endpoint " + d.url())
                .orElse("central route");
        return "kubectl now uses " + spec.name() + " (" + route + ").";
    }
}
