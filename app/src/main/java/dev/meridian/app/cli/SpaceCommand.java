package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "space",
        mixinStandardHelpOptions = true,
        description = "Create and switch to spaces (namespaces) of a connected cluster.",
        subcommands = {SpaceCommand.Use.class, SpaceCommand.Create.class})
final class SpaceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "use",
            mixinStandardHelpOptions = true,
            description = "Write the kube context meridian_SPACE_CLUSTER (namespace SPACE) and switch to it.")
    static final class Use implements Runnable {
        @Parameters(paramLabel = "SPACE", description = "The space (namespace).")
        String space;

        @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "The connected cluster.")
        String cluster;

        @Option(names = "--print", description = "Write nothing; print the kubeconfig fragment instead.")
        boolean print;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ContextSwitch.run(spec, cluster, space, SpaceMode.USE, print);
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create the space's namespace through the cluster's route, then switch to it.")
    static final class Create implements Runnable {
        @Parameters(paramLabel = "SPACE", description = "The space (namespace) to create.")
        String space;

        @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "The connected cluster.")
        String cluster;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ContextSwitch.run(spec, cluster, space, SpaceMode.CREATE, false);
        }
    }
}
