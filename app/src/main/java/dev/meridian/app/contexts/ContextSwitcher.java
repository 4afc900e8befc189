package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.kubeconfig.WriteResult;
import java.util.List;

/**
 * Switches the kube context to a cluster or a space in it: what {@code meridian cluster use} and
 * {@code meridian space use|create} do, shared with the desktop tray so both switch the same way.
 * Blocking I/O; never call it on a UI thread.
 */
public final class ContextSwitcher {

    /** What to do about the space of a space context before switching. */
    public enum SpaceMode {
        /** A cluster context: no space. */
        NONE,
        /** The space must already exist in the cluster. */
        USE,
        /** Create the space first. */
        CREATE
    }

    private final KubeconfigService kubeconfig;
    private final ClusterContexts contexts;

    /** @param access the management plane the clusters belong to */
    public ContextSwitcher(KubeconfigService kubeconfig, ManagementAccess access) {
        this.kubeconfig = kubeconfig;
        this.contexts = new ClusterContexts(access);
    }

    /** The context {@link #switchTo} would write; {@code space} null for the cluster's own context. */
    public ContextSpec specFor(ClusterInfo cluster, String space) {
        return contexts.specFor(cluster, space);
    }

    /**
     * Creates or checks the space as {@code mode} says, then writes the context and makes it current.
     *
     * @throws MeridianException.NotFound when {@code mode} is USE and the space does not exist
     */
    public WriteResult switchTo(ContextSpec spec, SpaceMode mode) {
        String space = spec.namespace().orElse(null);
        if (mode == SpaceMode.CREATE) {
            ClusterContexts.createSpace(kubeconfig, spec);
        } else if (mode == SpaceMode.USE && !ClusterContexts.spaceExists(kubeconfig, spec)) {
            throw new MeridianException.NotFound("Space '" + space + "' does not exist in cluster '" + spec.cluster()
                    + "'. Create it with 'meridian space create " + space + " --cluster " + spec.cluster() + "'.");
        }
        return kubeconfig.writeAndSwitch(spec);
    }

    /** The cluster's spaces (namespaces), listed through the route its context takes. */
    public List<String> spaces(ClusterInfo cluster) {
        return ClusterContexts.listSpaces(kubeconfig, specFor(cluster, null));
    }

    /** {@link #specFor} then {@link #switchTo}. */
    public WriteResult use(ClusterInfo cluster, String space, SpaceMode mode) {
        return switchTo(specFor(cluster, space), mode);
    }
}
