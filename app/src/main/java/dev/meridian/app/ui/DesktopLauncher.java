package dev.meridian.app.ui;

import java.util.Objects;

import dev.meridian.app.ui.hooks.DesktopIntegrations;
import javafx.application.Application;

/**
 * Starts the desktop app. Not an {@code Application} itself, so the app runs from a plain class
 * path (a main class extending {@code Application} fails with "JavaFX runtime components are
 * missing").
 */
public final class DesktopLauncher {
    private static volatile DesktopIntegrations integrations = DesktopIntegrations.available();
    private static volatile long launchNanos = System.nanoTime();

    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        launch(DesktopIntegrations.available(), args);
    }

    /** Starts JavaFX with {@code value} plugged in; returns when the app exits. */
    public static void launch(DesktopIntegrations value, String[] args) {
        integrations = Objects.requireNonNull(value);
        launchNanos = System.nanoTime();
        Application.launch(MeridianApp.class, args);
    }

    static DesktopIntegrations integrations() {
        return integrations;
    }

    /** Prints the launch-to-first-window time when {@code -Dmeridian.startup.report=true}. */
    static void firstWindowShown() {
        if (Boolean.getBoolean("meridian.startup.report")) {
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("first window shown: %d ms after launch(), %d ms after JVM start%n",
                    (System.nanoTime() - launchNanos) / 1_000_000, System.currentTimeMillis() - jvmStart);
        }
    }
}
