package dev.meridian.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "endpoint",
        mixinStandardHelpOptions = true,
        description = "Show and edit the direct cluster endpoint of a connected cluster.",
        subcommands = {
            EndpointShowCommand.class,
            EndpointSetCommand.class,
            EndpointClearCommand.class,
            EndpointTrustCommand.class
        })
final class EndpointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
