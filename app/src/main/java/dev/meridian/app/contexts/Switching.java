package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.DirectEndpoint;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.kubeconfig.Route;
import java.util.List;
import java.util.Optional;

/**
 * Switches the kube context to a cluster or a space in it: the one way {@code meridian cluster
 * use}, {@code meridian space use|create}, the window and the tray switch. Every switch takes the
 * same steps: the management context's access from the kubeconfig, the central gateway its plane
 * records, the context for the cluster's route, then the write. Blocking I/O; never call it on a
 * UI thread.
 */
public final class Switching {

    /** What to do about the space of a space context before switching. */
    public enum SpaceMode {
        /** A cluster context: no space. */
        NONE,
        /** The space must already exist in the cluster. */
        USE,
        /** Create the space first. */
        CREATE
    }

    /**
     * The context a switch writes, before it is written.
     *
     * @param direct the cluster's direct endpoint, empty for the central route
     */
    public record Choice(ContextSpec spec, Optional<DirectEndpoint> direct) {
        public Route route() {
            return spec.route();
        }

        /** The URL the user is told about for a direct route ({@code https://host[:port]}). */
        public Optional<String> directUrl() {
            return direct.map(DirectEndpoint::url);
        }
    }

    /**
     * A switch done: the context written and made current.
     *
     * @param spaceCreated whether the space was created first ({@link SpaceMode#CREATE})
     */
    public record Switched(Choice choice, boolean spaceCreated) {
        public ContextSpec spec() {
            return choice.spec();
        }

        public String contextName() {
            return choice.spec().name();
        }

        public Route route() {
            return choice.route();
        }

        public Optional<String> directUrl() {
            return choice.directUrl();
        }
    }

    private final KubeconfigService kubeconfig;
    private final GatewayLookup gateways;

    /**
     * @param kubeconfig where the management context is read and the context is written
     * @param gateways how the central gateway of a plane is found
     */
    public Switching(KubeconfigService kubeconfig, GatewayLookup gateways) {
        this.kubeconfig = kubeconfig;
        this.gateways = gateways;
    }

    /**
     * The access of the management context {@code plane}, with the central gateway its plane
     * records: what its clusters' contexts and central probes are built from.
     */
    public ManagementAccess access(String plane) {
        return gateways.resolve(kubeconfig.managementAccess(plane));
    }

    /**
     * The context a switch to the cluster (or to {@code space} in it, when not null) would write;
     * writes nothing (the CLI's {@code --print}).
     */
    public Choice choose(String plane, ClusterInfo cluster, String space) {
        Optional<DirectEndpoint> direct = ClusterContexts.directEndpoint(cluster);
        // Only a central route is built from the plane's gateway: a direct one does not ask the plane for it.
        ManagementAccess access = direct.isPresent() ? kubeconfig.managementAccess(plane) : access(plane);
        return new Choice(new ClusterContexts(access).specFor(cluster, space), direct);
    }

    /**
     * Creates or checks the space as {@code mode} says, then writes the context and makes it current.
     *
     * @throws MeridianException.NotFound when {@code mode} is USE and the space does not exist
     */
    public Switched apply(Choice choice, SpaceMode mode) {
        ContextSpec spec = choice.spec();
        String space = spec.namespace().orElse(null);
        if (mode == SpaceMode.CREATE) {
            ClusterContexts.createSpace(kubeconfig, spec);
        } else if (mode == SpaceMode.USE && !ClusterContexts.spaceExists(kubeconfig, spec)) {
            throw new MeridianException.NotFound("Space '" + space + "' does not exist in cluster '" + spec.cluster()
                    + "'. Create it with 'meridian space create " + space + " --cluster " + spec.cluster() + "'.");
        }
        kubeconfig.writeAndSwitch(spec);
        return new Switched(choice, mode == SpaceMode.CREATE);
    }

    /**
     * Switches to the cluster of management plane {@code plane}, or to {@code space} in it:
     * {@link #choose} then {@link #apply}.
     */
    public Switched use(String plane, ClusterInfo cluster, String space, SpaceMode mode) {
        return apply(choose(plane, cluster, space), mode);
    }

    /** The cluster's spaces (namespaces), listed through the route its context takes. */
    public List<String> spaces(String plane, ClusterInfo cluster) {
        return ClusterContexts.listSpaces(
                kubeconfig, choose(plane, cluster, null).spec());
    }
}
