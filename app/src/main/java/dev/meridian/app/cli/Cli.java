package dev.meridian.app.cli;

import dev.meridian.app.plane.TlsPreload;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Builds the {@code meridian} command line: errors are printed here and mapped to exit codes by {@link ExitCodes}. */
public final class Cli {
    private Cli() {}

    /** The whole command tree: every command's model. */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new MeridianCommand(environment));
        CommandTree.addAll(commandLine);
        return configure(commandLine, out, err);
    }

    /** The part of the command tree {@code args} need (see {@link CommandTree}). */
    public static CommandLine commandLine(
            CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(environment, Prefetch.NONE, out, err, args);
    }

    private static CommandLine commandLine(
            CliEnvironment environment, Prefetch prefetch, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new MeridianCommand(environment, prefetch));
        CommandTree.addFor(commandLine, args);
        return configure(commandLine, out, err);
    }

    private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        MeridianCommand root = (MeridianCommand) commandLine.getCommand();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorPrinter(root));
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Kube contexts and clusters may be named like our commands ("plane", "cluster", "sandbox"):
        // `--context plane` must mean that context, not the subcommand.
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        return commandLine;
    }

    /**
     * How the user started this CLI, for the commands it suggests: the launcher's path as typed (it passes
     * {@code -Dmeridian.command="$0"}: {@code meridian}, {@code app/target/meridian}), else {@code java -jar meridian.jar}.
     */
    static String invocation() {
        String command = System.getProperty("meridian.command");
        if (command != null && !command.isBlank()) {
            return command;
        }
        // java -jar: name the jar that runs, as a path that works from here.
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(Cli.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
            java.nio.file.Path shown = jar.startsWith(here) ? here.relativize(jar) : jar;
            return jar.toString().endsWith(".jar") ? "java -jar " + shown : "meridian";
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return "meridian";
        }
    }

    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        // While picocli builds the command: the TLS code its requests need, and the reads a switch or a listing
        // makes (measured: the two together beat the prefetch alone, the TLS set-up being its longest step).
        if (CommandTree.talksToClusters(args)) {
            TlsPreload.start();
        }
        Prefetch prefetch = Prefetch.start(environment, args);
        int code = commandLine(environment, prefetch, out, err, args).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Prints the message of an error (with its stack trace only with --verbose) and picks the exit code. */
    private static final class ErrorPrinter implements IExecutionExceptionHandler {
        private final MeridianCommand root;

        ErrorPrinter(MeridianCommand root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            if (ExitCodes.isExpected(error)) {
                err.println("[error] " + error.getMessage());
            } else {
                err.println("[error] Unexpected failure: " + error
                        + (root.verbose ? "" : " (run again with --verbose for details)"));
            }
            if (root.verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return new ExitCodes().getExitCode(error);
        }
    }
}
