package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shared command bases: every command keeps the standard help options, every group prints its usage. */
class CommandTreeTest {
    @TempDir
    Path home;

    @Test
    void everyCommandHasTheStandardHelpOptions() {
        for (CommandLine command : all()) {
            assertThat(command.getCommandSpec().findOption("--help"))
                    .as(command.getCommandSpec().qualifiedName())
                    .isNotNull();
            assertThat(command.getCommandSpec().findOption("--version"))
                    .as(command.getCommandSpec().qualifiedName())
                    .isNotNull();
        }
    }

    @Test
    void aGroupRunWithoutASubcommandPrintsItsUsage() {
        List<CommandLine> groups =
                all().stream().filter(c -> !c.getSubcommands().isEmpty()).toList();
        assertThat(groups).hasSizeGreaterThan(5);
        for (CommandLine group : groups) {
            String path = group.getCommandSpec().qualifiedName(" ").replaceFirst("^meridian ?", "");
            String[] args = path.isEmpty() ? new String[0] : path.split(" ");
            CliRun run = CliRun.run(home, Map.of(), args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out())
                    .as(run.toString())
                    .startsWith("Usage: " + group.getCommandSpec().qualifiedName(" ") + " ");
        }
    }

    private static List<CommandLine> all() {
        return all(Cli.commandLine(
                new CliEnvironment(Map.of(), Path.of("."), Clock.systemUTC()),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
    }

    /** {@code root} and every command under it. */
    static List<CommandLine> all(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(c -> collect(c, into));
    }
}
