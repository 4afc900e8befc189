package dev.meridian.app.ui.shell;

import dev.meridian.app.ui.hooks.DesktopServices;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Application;

/**
 * Starts the desktop app. Not an {@code Application} itself, so the app runs from a plain class
 * path (a main class extending {@code Application} fails with "JavaFX runtime components are
 * missing").
 */
public final class DesktopLauncher {
    /**
     * What the app runs with, settled while the JavaFX toolkit starts.
     *
     * @param sandbox the first-run sandbox, when the user has no kubeconfig context; null otherwise
     */
    record Startup(DesktopEnvironment environment, DesktopServices services, FirstRunSandbox sandbox) {
        Optional<FirstRunSandbox> firstRunSandbox() {
            return Optional.ofNullable(sandbox);
        }
    }

    private static volatile CompletableFuture<Startup> startup;

    private DesktopLauncher() {}

    /**
     * Opens the app on the user's kubeconfig; when there is none at all (no file with a context),
     * on a sandbox fleet started in-process, so a first run always shows something real.
     *
     * @param modules the window's parts for the environment it settles on (the product's: {@code
     *     DesktopModules::forEnvironment}); built off the FX thread while the toolkit starts
     */
    public static void main(String[] args, Function<DesktopEnvironment, DesktopServices> modules) {
        DesktopEnvironment system = DesktopEnvironment.system();
        // Reading the kubeconfig and building the modules load many classes: do it while the
        // toolkit starts, on the other core, rather than before (issue #9).
        CompletableFuture<Startup> prepared = CompletableFuture.supplyAsync(() -> prepare(system, modules));
        startup = prepared;
        try {
            Application.launch(MeridianApp.class, args);
        } finally {
            prepared.thenAccept(s -> s.firstRunSandbox().ifPresent(FirstRunSandbox::close));
        }
    }

    private static Startup prepare(DesktopEnvironment system, Function<DesktopEnvironment, DesktopServices> modules) {
        FirstRunSandbox sandbox = FirstRunSandbox.ifNoPlane(system);
        DesktopEnvironment environment = sandbox == null ? system : sandbox.environment();
        return new Startup(environment, modules.apply(environment), sandbox);
    }

    /** Starts JavaFX on the user's environment with {@code value} as the window's parts; returns when the app exits. */
    public static void launch(DesktopServices value, String[] args) {
        startup = CompletableFuture.completedFuture(
                new Startup(DesktopEnvironment.system(), Objects.requireNonNull(value), null));
        Application.launch(MeridianApp.class, args);
    }

    /** Waits for what {@link #main} prepares alongside the toolkit. */
    static Startup startup() {
        return startup.join();
    }
}
