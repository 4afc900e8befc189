package dev.meridian.app.ui.hooks;

import java.util.Optional;

/**
 * The optional parts the desktop app plugs in when their modules are present. An absent part means
 * its actions and columns are not shown at all.
 */
public record DesktopIntegrations(
        Optional<ContextActions> contexts,
        Optional<HealthSource> health,
        Optional<AgentInstallerLauncher> installer,
        Optional<SandboxStarter> sandbox,
        Optional<TrayHook> tray) {

    public static DesktopIntegrations none() {
        return new DesktopIntegrations(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DesktopIntegrations withContexts(ContextActions value) {
        return new DesktopIntegrations(Optional.of(value), health, installer, sandbox, tray);
    }

    public DesktopIntegrations withHealth(HealthSource value) {
        return new DesktopIntegrations(contexts, Optional.of(value), installer, sandbox, tray);
    }

    public DesktopIntegrations withInstaller(AgentInstallerLauncher value) {
        return new DesktopIntegrations(contexts, health, Optional.of(value), sandbox, tray);
    }

    public DesktopIntegrations withSandbox(SandboxStarter value) {
        return new DesktopIntegrations(contexts, health, installer, Optional.of(value), tray);
    }

    public DesktopIntegrations withTray(TrayHook value) {
        return new DesktopIntegrations(contexts, health, installer, sandbox, Optional.of(value));
    }
}
