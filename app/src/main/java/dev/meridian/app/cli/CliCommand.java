package dev.meridian.app.cli;

import dev.meridian.installer.apply.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code meridian} command shares: the standard help options (picocli merges this
 * class's {@code @Command} into each subclass's), the command's own spec, and short ways to the
 * root's services and to the two streams, so each command says only what it does.
 */
@Command(mixinStandardHelpOptions = true)
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The root command: global options and services. */
    MeridianCommand root() {
        return MeridianCommand.of(spec);
    }

    /** A fleet service over a fresh client of the management plane; close it when done. */
    MeridianCommand.Fleet openFleet() {
        return root().openFleet();
    }

    /** Where results go: what a script may read. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where progress and outcomes go: what a person reads. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The last line of a command that changed something. */
    void done(String message) {
        PrintWriter err = err();
        err.println("[done] √ " + message);
        err.flush();
    }

    /** Prints the installer's progress events as {@code [info]} lines as they happen. */
    ProgressListener progress() {
        PrintWriter err = err();
        return event -> {
            err.println("[info] " + event.message());
            err.flush();
        };
    }
}
