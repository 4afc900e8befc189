package dev.meridian.app.ui.integration;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.Switching;
import dev.meridian.app.contexts.Switching.SpaceMode;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.ui.hooks.ContextActions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * "Use cluster", "Use space" and "Create space" through {@link Switching}, the same service
 * {@code meridian cluster use}, {@code meridian space use|create} and the tray call.
 */
public final class KubeconfigContextActions implements ContextActions {
    private final Switching switching;

    public KubeconfigContextActions(KubeconfigService kubeconfig) {
        this(new Switching(kubeconfig, new CentralGateways.Memo(kubeconfig, Duration.ofMinutes(1), Clock.systemUTC())));
    }

    public KubeconfigContextActions(Switching switching) {
        this.switching = switching;
    }

    @Override
    public String useCluster(ContextConnection plane, ClusterInfo cluster) {
        return use(plane, cluster, null, SpaceMode.NONE);
    }

    @Override
    public String useSpace(ContextConnection plane, ClusterInfo cluster, String space) {
        return use(plane, cluster, space, SpaceMode.USE);
    }

    @Override
    public String createSpace(ContextConnection plane, ClusterInfo cluster, String space) {
        return "Created space " + space + ". " + use(plane, cluster, space, SpaceMode.CREATE);
    }

    @Override
    public List<String> spaces(ContextConnection plane, ClusterInfo cluster) {
        return switching.spaces(plane.contextName(), cluster);
    }

    private String use(ContextConnection plane, ClusterInfo cluster, String space, SpaceMode mode) {
        Switching.Switched switched = switching.use(plane.contextName(), cluster, space, mode);
        String route = switched.directUrl().map(url -> "direct endpoint " + url).orElse("central route");
        return "kubectl now uses " + switched.contextName() + " (" + route + ").";
    }
}
