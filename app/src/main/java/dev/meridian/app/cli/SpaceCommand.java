package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "space", description = "Create and switch to spaces (namespaces) of a connected cluster.")
final class SpaceCommand extends GroupCommand {

    @Command(
            name = "use",
            description = "Write the kube context meridian_SPACE_CLUSTER (namespace SPACE) and switch to it.")
    static final class Use extends CliCommand {
        @Parameters(paramLabel = "SPACE", description = "The space (namespace).")
        String space;

        @Mixin
        ClusterOption cluster;

        @Mixin
        PrintOption print;

        @Override
        public Integer call() {
            ContextSwitch.run(spec, cluster.name(), space, SpaceMode.USE, print.requested());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "create",
            description = "Create the space's namespace through the cluster's route, then switch to it.")
    static final class Create extends CliCommand {
        @Parameters(paramLabel = "SPACE", description = "The space (namespace) to create.")
        String space;

        @Mixin
        ClusterOption cluster;

        @Override
        public Integer call() {
            ContextSwitch.run(spec, cluster.name(), space, SpaceMode.CREATE, false);
            return ExitCodes.OK;
        }
    }
}
