package dev.meridian.app.cli;

import java.nio.file.Path;

import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.fleet.ManagementConnection;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command. Its options are global: they are accepted before or after any subcommand. */
@Command(name = "meridian",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Manage a fleet of Kubernetes clusters and their direct cluster endpoints.",
            "Run without arguments to open the desktop app."},
        subcommands = {
            ClusterCommand.class,
            EndpointCommand.class,
            CompletionCommand.class},
        footer = {"",
            "Exit codes: 0 ok, 1 usage error, 2 not found or invalid input, 3 conflict,",
            "4 management plane unreachable or unauthorised, 5 probe: not all endpoints up."})
public final class MeridianCommand implements Runnable {

    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Kubeconfig of the management plane (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Kube context of the management plane (default: the current context).")
    String context;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    public MeridianCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    ManagementConnection connection() {
        return ManagementConnection.resolve(kubeconfig, context, environment.env(), environment.home());
    }

    /** A fleet service over a fresh client; close the client when done. */
    Fleet openFleet() {
        KubernetesClient client = connection().open();
        return new Fleet(client, new FleetService(client, environment.clock()));
    }

    /** A fleet service and the client it owns. */
    record Fleet(KubernetesClient client, FleetService service) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
