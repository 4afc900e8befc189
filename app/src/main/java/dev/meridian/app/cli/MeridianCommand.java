package dev.meridian.app.cli;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextNames;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.plane.Plane;
import dev.meridian.app.plane.Planes;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command. Its options are global: they are accepted before or after any subcommand. */
@Command(
        name = "meridian",
        versionProvider = VersionProvider.class,
        description = {
            "Manage a fleet of Kubernetes clusters and their direct cluster endpoints.",
            "Run without arguments to open the desktop app."
        },
        footer = {
            "",
            "Exit codes:",
            "  0   ok",
            "  1   usage error",
            "  2   not found, invalid input, or refused by the cluster",
            "  3   conflict",
            "  4   plane or cluster unreachable or unauthorised, or a rollout timed out",
            "  5   probe: not every endpoint is up",
            "  70  unexpected failure (a bug: run again with --verbose and report it)"
        })
public final class MeridianCommand extends GroupCommand {

    @Option(
            names = "--kubeconfig",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Kubeconfig of the management plane (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(
            names = "--context",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "Kube context of the management plane (default: the current context).")
    String context;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    private final CliEnvironment environment;
    private final Prefetch prefetch;
    private KubeconfigService kubeconfigService;

    public MeridianCommand(CliEnvironment environment) {
        this(environment, Prefetch.NONE);
    }

    /** @param prefetch reads already started for this command line (see {@link Prefetch}) */
    MeridianCommand(CliEnvironment environment, Prefetch prefetch) {
        this.environment = environment;
        this.prefetch = prefetch;
    }

    /** The root command of the command line {@code spec} belongs to: global options and services. */
    static MeridianCommand of(CommandSpec spec) {
        return (MeridianCommand) spec.root().userObject();
    }

    CliEnvironment environment() {
        return environment;
    }

    /**
     * The user's kubeconfig, found as kubectl finds it; contexts are read from and written to it.
     * One engine per command: every reader in the command shares the trees it parsed.
     */
    KubeconfigService kubeconfig() {
        if (kubeconfigService == null) {
            KubeconfigLocations found = KubeconfigLocations.of(environment.env(), environment.home());
            KubeconfigLocations locations = kubeconfig == null ? found : found.withExplicitFile(kubeconfig);
            kubeconfigService = prefetch.kubeconfig(locations)
                    .orElseGet(() -> environment.kubeconfigs().apply(locations));
        }
        return kubeconfigService;
    }

    /**
     * The management plane's context: {@code --context}, else the current context; when the
     * current context is one of ours (the user switched to a cluster), the context they came
     * from, which is the management plane they listed it in.
     */
    String managementContext(KubeconfigService service) {
        return managementContext(context, service);
    }

    /** {@link #managementContext(KubeconfigService)} for a {@code --context} value (null: none given). */
    static String managementContext(String context, KubeconfigService service) {
        if (context != null) {
            return context;
        }
        String current = service.currentContext().orElse(null);
        if (current != null && ContextNames.isMeridian(current)) {
            return service.lastOwnContext()
                    .orElseThrow(() -> new MeridianException.ManagementPlane(
                            "The current context '" + current + "' is a Meridian context and no management context is "
                                    + "remembered. Pass --context with the management plane's context.",
                            null));
        }
        return current;
    }

    /** Server, TLS settings and credential of the management context. */
    ManagementAccess managementAccess() {
        KubeconfigService service = kubeconfig();
        try {
            return service.managementAccess(managementContext(service));
        } catch (KubeconfigException.ContextNotFound e) {
            throw ContextClients.noPlane(service.locations(), e);
        }
    }

    /**
     * The management plane for a one-shot read (a switch, a listing): the light client when it carries the
     * context, else fabric8. Close it when done.
     */
    Plane openPlane() {
        KubeconfigService service = kubeconfig();
        String planeContext = managementContext(service);
        return prefetch.plane(planeContext)
                .orElseGet(() -> Planes.open(service, planeContext, environment.env(), environment.clock()));
    }

    /** A fleet service over a fresh fabric8 client, for watches and edits; close the client when done. */
    @Override
    Fleet openFleet() {
        KubeconfigService service = kubeconfig();
        KubernetesClient client = ContextClients.open(service, managementContext(service));
        return new Fleet(client, new FleetService(client, environment.clock()));
    }

    /** A client for another kube context of the same kubeconfig, such as a connected cluster's own. */
    KubernetesClient openContext(String contextName) {
        return ContextClients.open(kubeconfig(), contextName);
    }

    /**
     * A client for a connected cluster's central route ({@code <central origin>/kubernetes/cluster/<name>})
     * with the management context's credential and TLS, for a plane whose gateway shares its origin (the
     * sandbox's).
     */
    KubernetesClient openCentralRoute(String cluster) {
        KubeconfigService service = kubeconfig();
        return ContextClients.openCentralRoute(service, managementContext(service), cluster);
    }

    /** A fleet service and the client it owns. */
    record Fleet(KubernetesClient client, FleetService service) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
