package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "use",
        description = {
            "Write the kube context meridian_CLUSTER and switch to it.",
            "It uses the cluster's direct endpoint when one is set, else the central route."
        })
final class ClusterUseCommand extends CliCommand {
    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Mixin
    PrintOption print;

    @Override
    public Integer call() {
        ContextSwitch.run(spec, cluster, null, SpaceMode.NONE, print.requested());
        return ExitCodes.OK;
    }
}
