package dev.meridian.app.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(
        name = "completion",
        description = {"Print a bash/zsh completion script.", "Load it with: source <(meridian completion)"})
final class CompletionCommand extends CliCommand {
    @Override
    public Integer call() {
        out().print(AutoComplete.bash("meridian", spec.root().commandLine()));
        out().flush();
        return ExitCodes.OK;
    }
}
