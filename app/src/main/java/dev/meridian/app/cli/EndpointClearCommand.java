package dev.meridian.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "clear", description = "Remove a cluster's direct endpoint; its contexts go back to the central route.")
final class EndpointClearCommand extends CliCommand {

    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Mixin
    ResourceVersionOption resourceVersion;

    @Override
    public Integer call() {
        try (MeridianCommand.Fleet fleet = openFleet()) {
            fleet.service().clearEndpoint(cluster, resourceVersion.value());
        }
        done("Direct endpoint of cluster " + cluster + " cleared; its kube contexts use the central route.");
        return ExitCodes.OK;
    }
}
