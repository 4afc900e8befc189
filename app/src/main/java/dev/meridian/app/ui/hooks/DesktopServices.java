package dev.meridian.app.ui.hooks;

import java.util.Objects;

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
        Objects.requireNonNull(contexts, "contexts: use ContextActions.unavailable() for none");
        Objects.requireNonNull(health, "health: use HealthSource.unavailable() for none");
        Objects.requireNonNull(installer, "installer: use AgentInstallerLauncher.unavailable() for none");
        Objects.requireNonNull(sandbox, "sandbox: use SandboxStarter.unavailable() for none");
        Objects.requireNonNull(tray, "tray: use TrayHook.none() for none");
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
