package dev.meridian.app.ui.integration;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.tray.MeridianTray;
import dev.meridian.app.ui.hooks.DesktopIntegrations;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.app.ui.shell.DesktopEnvironment;

/** The modules the shipped desktop app plugs in. */
public final class DesktopModules {
    private DesktopModules() {}

    /** The modules share one kubeconfig engine, so they share the trees it parsed. */
    public static DesktopIntegrations forEnvironment(DesktopEnvironment environment) {
        KubeconfigService kubeconfig = environment.kubeconfig();
        return DesktopIntegrations.none()
                .withContexts(new KubeconfigContextActions(kubeconfig))
                .withHealth(new HealthProbes(Prober.create(), kubeconfig, environment.clock()))
                .withInstaller(new InstallLauncher(
                        kubeconfig::contextNames,
                        InstallServices.desktop(
                                AgentInstallFlow.standard(environment.clock()), kubeconfig, environment.clock())))
                .withTray(MeridianTray.forDesktop(kubeconfig, environment.configDirectory()));
    }
}
