package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "use",
        mixinStandardHelpOptions = true,
        description = {
            "Write the kube context meridian_CLUSTER and switch to it.",
            "It uses the cluster's direct endpoint when one is set, else the central route."
        })
final class ClusterUseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Mixin
    PrintOption print;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ContextSwitch.run(spec, cluster, null, SpaceMode.NONE, print.requested());
        return ExitCodes.OK;
    }
}
