package dev.meridian.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "clear",
        mixinStandardHelpOptions = true,
        description = "Remove a cluster's direct endpoint; its contexts go back to the central route.")
final class EndpointClearCommand implements Runnable {

    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Option(
            names = "--resource-version",
            paramLabel = "VERSION",
            description = "Only write if the cluster is still at this resourceVersion.")
    String resourceVersion;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        MeridianCommand root = MeridianCommand.of(spec);
        try (MeridianCommand.Fleet fleet = root.openFleet()) {
            fleet.service().clearEndpoint(cluster, resourceVersion);
            spec.commandLine()
                    .getErr()
                    .println("[done] √ Direct endpoint of cluster " + cluster
                            + " cleared; its kube contexts use the central route.");
        }
    }
}
