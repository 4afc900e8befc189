package dev.meridian.app.ui;

import java.util.Objects;

import dev.meridian.app.ui.hooks.DesktopIntegrations;
import dev.meridian.app.ui.integration.DesktopModules;
import javafx.application.Application;

/**
 * Starts the desktop app. Not an {@code Application} itself, so the app runs from a plain class
 * path (a main class extending {@code Application} fails with "JavaFX runtime components are
 * missing").
 */
public final class DesktopLauncher {
    private static volatile DesktopIntegrations integrations = DesktopIntegrations.none();
    private static volatile DesktopEnvironment environment = DesktopEnvironment.system();

    private DesktopLauncher() {
    }

    /**
     * Opens the app on the user's kubeconfig; when there is none at all (no file with a context),
     * on a sandbox fleet started in-process, so a first run always shows something real.
     */
    public static void main(String[] args) {
        DesktopEnvironment system = DesktopEnvironment.system();
        FirstRunSandbox sandbox = FirstRunSandbox.startIfNoPlane(system);
        environment = sandbox == null ? system : sandbox.environment();
        try {
            launch(DesktopModules.forEnvironment(environment), args);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    /** The plane to connect to at once: the sandbox's, when the launcher started one. */
    static java.util.Optional<String> initialPlane() {
        return !environment.env().containsKey(FirstRunSandbox.MARKER)
                ? java.util.Optional.empty() : java.util.Optional.of(dev.meridian.app.sandbox.Sandbox.CONTEXT);
    }

    static DesktopEnvironment environment() {
        return environment;
    }

    /** Starts JavaFX with {@code value} plugged in; returns when the app exits. */
    public static void launch(DesktopIntegrations value, String[] args) {
        integrations = Objects.requireNonNull(value);
        Application.launch(MeridianApp.class, args);
    }

    static DesktopIntegrations integrations() {
        return integrations;
    }
}
