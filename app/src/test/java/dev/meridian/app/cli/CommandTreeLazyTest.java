package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A command line builds only the commands on the path it names, and answers exactly as the whole
 * tree would: same output, same errors, same exit code.
 */
class CommandTreeLazyTest {
    @TempDir
    Path home;

    private CliEnvironment environment() {
        // No kubeconfig anywhere: commands that would work stop at the same error either way.
        return new CliEnvironment(Map.of("KUBECONFIG", home.resolve("none").toString()), home, Clock.systemUTC());
    }

    @Test
    void aOneShotCommandBuildsOnlyItsPath() {
        assertThat(built("cluster", "use", "eu-west"))
                .containsExactly("meridian", "meridian cluster", "meridian cluster use");
        assertThat(built("--context", "plane", "-v", "cluster", "ls"))
                .containsExactly("meridian", "meridian cluster", "meridian cluster list");
        assertThat(built("--kubeconfig=/x", "space", "use", "team", "--cluster", "c"))
                .containsExactly("meridian", "meridian space", "meridian space use");
        assertThat(built("use", "-")).containsExactly("meridian", "meridian use");
        assertThat(built("context", "list")).containsExactly("meridian", "meridian context", "meridian context list");
        assertThat(built("--version")).containsExactly("meridian");
    }

    @Test
    void helpTyposAndCompletionGetTheTreeUnderTheLastNamedCommand() {
        int whole = built().size();
        assertThat(built("--help")).hasSize(whole);
        assertThat(built("clustr", "use")).hasSize(whole);
        assertThat(built("completion")).hasSize(whole);
        assertThat(built("cluster", "--help"))
                .contains(
                        "meridian cluster list",
                        "meridian cluster use",
                        "meridian cluster connect",
                        "meridian cluster disconnect");
        assertThat(built("cluster", "uze", "x")).contains("meridian cluster list", "meridian cluster use");
    }

    static Stream<List<String>> commandLines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of());
        lines.add(List.of("--help"));
        lines.add(List.of("--version"));
        lines.add(List.of("-V"));
        lines.add(List.of("clustr"));
        lines.add(List.of("cluster", "uze", "eu-west"));
        lines.add(List.of("cluster", "use"));
        lines.add(List.of("cluster", "use", "eu-west", "--nope"));
        lines.add(List.of("use"));
        lines.add(List.of("use", "-"));
        lines.add(List.of("space", "use", "team"));
        lines.add(List.of("-v", "cluster", "list"));
        lines.add(List.of("cluster", "use", "eu-west"));
        lines.add(List.of("context", "list", "-o", "json"));
        lines.add(List.of("context", "ls", "-o", "xml"));
        CommandLine whole = wholeTree(
                new CliEnvironment(Map.of(), Path.of("/nonexistent"), Clock.systemUTC()),
                new StringWriter(),
                new StringWriter());
        for (CommandLine command : all(whole)) {
            String path = command.getCommandSpec().qualifiedName(" ").replaceFirst("^meridian ?", "");
            List<String> words = path.isEmpty() ? List.of() : List.of(path.split(" "));
            List<String> help = new ArrayList<>(words);
            help.add("--help");
            lines.add(help);
            if (!command.getSubcommands().isEmpty()) {
                lines.add(words); // a group prints its usage; a leaf would do its work (a sandbox would start)
            }
        }
        return lines.stream().distinct();
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void answersAsTheWholeTreeWould(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        StringWriter wholeOut = new StringWriter();
        StringWriter wholeErr = new StringWriter();
        int wholeCode = wholeTree(environment(), wholeOut, wholeErr).execute(argv);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(environment(), new PrintWriter(out), new PrintWriter(err), argv);

        assertThat(out.toString()).as("stdout of %s", args).isEqualTo(wholeOut.toString());
        // With -v an error prints its stack trace, whose frames below the command differ: compare the rest.
        assertThat(withoutFrames(err.toString()))
                .as("stderr of %s", args)
                .isEqualTo(withoutFrames(wholeErr.toString()));
        assertThat(code).as("exit code of %s", args).isEqualTo(wholeCode);
    }

    private static String withoutFrames(String text) {
        return text.replaceAll("(?m)^\\s+(at |\\.\\.\\. ).*\\R", "");
    }

    private static CommandLine wholeTree(CliEnvironment environment, StringWriter out, StringWriter err) {
        return Cli.commandLine(environment, new PrintWriter(out), new PrintWriter(err));
    }

    private List<String> built(String... args) {
        CommandLine root = Cli.commandLine(
                environment(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        return all(root).stream()
                .map(c -> c.getCommandSpec().qualifiedName(" "))
                .toList();
    }

    private static List<CommandLine> all(CommandLine root) {
        return CommandTreeTest.all(root);
    }
}
