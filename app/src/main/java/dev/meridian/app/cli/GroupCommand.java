package dev.meridian.app.cli;

/** A command that only groups subcommands: run without one, it prints its usage. */
abstract class GroupCommand extends CliCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return ExitCodes.OK;
    }
}
