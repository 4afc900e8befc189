package dev.meridian.app.ui.hooks;

/**
 * Installs a system-tray companion once the main window is up. The shipped app's is the tray module's; the app
 * runs as well with {@link #none()}.
 */
@FunctionalInterface
public interface TrayHook {
    /** No tray: installs nothing, and there is nothing to close. */
    static TrayHook none() {
        return shell -> () -> {};
    }

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
