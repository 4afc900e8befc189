package dev.meridian.app.cli;

import dev.meridian.app.MeridianException;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.installer.InstallerException;
import dev.meridian.installer.apply.NotInstalledException;
import dev.meridian.installer.manifest.InvalidSpecException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/** Builds the {@code meridian} command line: error handling and exit codes live here, in one place. */
public final class Cli {
    private Cli() {}

    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        MeridianCommand root = new MeridianCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorPrinter(root));
        commandLine.setExitCodeExceptionMapper(exitCodes());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Kube contexts and clusters may be named like our commands ("plane", "cluster", "sandbox"):
        // `--context plane` must mean that context, not the subcommand.
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        return commandLine;
    }

    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(environment, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static IExitCodeExceptionMapper exitCodes() {
        return error -> {
            if (error instanceof MeridianException m) {
                return m.exitCode();
            }
            if (error instanceof KubeconfigException.Conflict || error instanceof KubeconfigException.Locked) {
                return MeridianException.EXIT_CONFLICT;
            }
            if (error instanceof KubeconfigException
                    || error instanceof InvalidSpecException
                    || error instanceof NotInstalledException) {
                return MeridianException.EXIT_INVALID;
            }
            if (error instanceof InstallerException) {
                return MeridianException.EXIT_UNREACHABLE;
            }
            return 1;
        };
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
            if (error instanceof MeridianException
                    || error instanceof KubeconfigException
                    || error instanceof InstallerException) {
                err.println("[error] " + error.getMessage());
            } else {
                err.println("[error] Unexpected failure: " + error
                        + (root.verbose ? "" : " (run again with --verbose for details)"));
            }
            if (root.verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return exitCodes().getExitCode(error);
        }
    }
}
