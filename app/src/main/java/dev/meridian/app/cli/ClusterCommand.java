package dev.meridian.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "List connected clusters, switch kube contexts to them, connect and disconnect them.",
        subcommands = {
            ClusterListCommand.class,
            ClusterUseCommand.class,
            ClusterConnectCommand.class,
            ClusterDisconnectCommand.class
        })
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
