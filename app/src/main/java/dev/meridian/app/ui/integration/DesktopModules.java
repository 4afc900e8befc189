package dev.meridian.app.ui.integration;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.health.Prober;
import dev.meridian.app.tray.MeridianTray;
import dev.meridian.app.ui.DesktopEnvironment;
import dev.meridian.app.ui.hooks.DesktopIntegrations;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;

/** The modules the shipped desktop app plugs in. */
public final class DesktopModules {
    private DesktopModules() {}

    public static DesktopIntegrations forEnvironment(DesktopEnvironment environment) {
        return DesktopIntegrations.none()
                .withContexts(new KubeconfigContextActions(environment.kubeconfig()))
                .withHealth(new HealthProbes(Prober.create(), environment.kubeconfig(), environment.clock()))
                .withInstaller(new InstallLauncher(
                        environment.kubeconfig()::contextNames,
                        InstallServices.desktop(AgentInstallFlow.standard(environment.clock()), environment.clock())))
                .withTray(
                        MeridianTray.forDesktop(environment.env(), environment.home(), environment.configDirectory()));
    }
}
