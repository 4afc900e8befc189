package dev.meridian.app;

import dev.meridian.app.cli.Cli;
import dev.meridian.app.cli.CliEnvironment;
import dev.meridian.app.ui.integration.DesktopModules;
import dev.meridian.app.ui.shell.DesktopLauncher;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code meridian.jar}: arguments run the CLI without starting JavaFX; no
 * arguments open the desktop app. Deliberately not a JavaFX {@code Application}, so the jar
 * runs from the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            // Only this branch touches JavaFX: the CLI path never loads its classes.
            DesktopLauncher.main(args, DesktopModules::forEnvironment);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(CliEnvironment.system(), out, err, args));
    }
}
