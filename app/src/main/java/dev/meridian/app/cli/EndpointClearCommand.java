package dev.meridian.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "clear",
        mixinStandardHelpOptions = true,
        description = "Remove a cluster's direct endpoint; its contexts go back to the central route.")
final class EndpointClearCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Mixin
    ResourceVersionOption resourceVersion;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MeridianCommand root = MeridianCommand.of(spec);
        try (MeridianCommand.Fleet fleet = root.openFleet()) {
            fleet.service().clearEndpoint(cluster, resourceVersion.value());
            spec.commandLine()
                    .getErr()
                    .println("[done] √ Direct endpoint of cluster " + cluster
                            + " cleared; its kube contexts use the central route.");
        }
        return ExitCodes.OK;
    }
}
