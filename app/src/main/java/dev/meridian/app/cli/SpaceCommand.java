package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "space",
        mixinStandardHelpOptions = true,
        description = "Create and switch to spaces (namespaces) of a connected cluster.",
        subcommands = {SpaceCommand.Use.class, SpaceCommand.Create.class})
final class SpaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    @Command(
            name = "use",
            mixinStandardHelpOptions = true,
            description = "Write the kube context meridian_SPACE_CLUSTER (namespace SPACE) and switch to it.")
    static final class Use implements Callable<Integer> {
        @Parameters(paramLabel = "SPACE", description = "The space (namespace).")
        String space;

        @Mixin
        ClusterOption cluster;

        @Mixin
        PrintOption print;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ContextSwitch.run(spec, cluster.name(), space, SpaceMode.USE, print.requested());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create the space's namespace through the cluster's route, then switch to it.")
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "SPACE", description = "The space (namespace) to create.")
        String space;

        @Mixin
        ClusterOption cluster;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ContextSwitch.run(spec, cluster.name(), space, SpaceMode.CREATE, false);
            return ExitCodes.OK;
        }
    }
}
