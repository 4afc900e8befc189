package dev.meridian.app.ui.hooks;

/**
 * Installs a system-tray companion once the main window is up. Plugged in by the tray module;
 * the app runs without it.
 */
@FunctionalInterface
public interface TrayHook {
    /**
     * Called once on the FX thread after the main window is shown.
     *
     * Whether closing the window keeps the app running is the hook's decision: it may call
     * {@code Platform.setImplicitExit(false)} and use {@link DesktopShell#quit()} to exit.
     *
     * @return what to close when the app exits
     */
    AutoCloseable install(DesktopShell shell);
}
