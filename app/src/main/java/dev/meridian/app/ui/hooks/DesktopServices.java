package dev.meridian.app.ui.hooks;

/**
 * What the main window is made of besides the fleet table and the endpoint editor, handed to it whole when it is
 * built. Every part is there: one this configuration does not offer is that part's {@code unavailable()} object
 * (whose {@code isOffered()} is false), and the window then shows none of its buttons, columns or sections. The
 * shipped app's parts are listed in {@code ui.integration.DesktopModules}; tests start from {@link #none()}.
 *
 * @param contexts "Use cluster" and the Spaces section
 * @param health the health columns and section, "Probe all" and "Probe now"
 * @param installer "Install agent..." and "Uninstall agent..."
 * @param sandbox the welcome view's "Start a sandbox"
 * @param tray the system-tray companion, installed once the window is up; {@link TrayHook#none()} for none
 */
public record DesktopServices(
        ContextActions contexts,
        HealthSource health,
        AgentInstallerLauncher installer,
        SandboxStarter sandbox,
        TrayHook tray) {

    public DesktopServices {
        if (contexts == null || health == null || installer == null || sandbox == null || tray == null) {
            throw new NullPointerException("Every part of the window must be given; for one not offered pass"
                    + " ContextActions.unavailable(), HealthSource.unavailable(),"
                    + " AgentInstallerLauncher.unavailable(), SandboxStarter.unavailable() or TrayHook.none().");
        }
    }

    /** The bare window: the fleet and the endpoint editor, with no part offered. */
    public static DesktopServices none() {
        return new DesktopServices(
                ContextActions.unavailable(),
                HealthSource.unavailable(),
                AgentInstallerLauncher.unavailable(),
                SandboxStarter.unavailable(),
                TrayHook.none());
    }

    public DesktopServices withContexts(ContextActions value) {
        return new DesktopServices(value, health, installer, sandbox, tray);
    }

    public DesktopServices withHealth(HealthSource value) {
        return new DesktopServices(contexts, value, installer, sandbox, tray);
    }

    public DesktopServices withInstaller(AgentInstallerLauncher value) {
        return new DesktopServices(contexts, health, value, sandbox, tray);
    }

    public DesktopServices withSandbox(SandboxStarter value) {
        return new DesktopServices(contexts, health, installer, value, tray);
    }

    public DesktopServices withTray(TrayHook value) {
        return new DesktopServices(contexts, health, installer, sandbox, value);
    }
}
