package dev.meridian.app.ui.integration;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.tray.MeridianTray;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.hooks.SandboxStarter;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.app.ui.shell.DesktopEnvironment;

/** What the shipped desktop app's window is made of: every part, in one place. */
public final class DesktopModules {
    private DesktopModules() {}

    /** The parts share one kubeconfig engine, so they share the trees it parsed. */
    public static DesktopServices forEnvironment(DesktopEnvironment environment) {
        KubeconfigService kubeconfig = environment.kubeconfig();
        return new DesktopServices(
                new KubeconfigContextActions(kubeconfig),
                new HealthProbes(Prober.create(), kubeconfig, environment.clock()),
                new InstallLauncher(
                        kubeconfig::contextNames,
                        InstallServices.desktop(
                                AgentInstallFlow.standard(environment.clock()), kubeconfig, environment.clock())),
                // A user without a plane gets the first-run sandbox before the window opens (DesktopLauncher).
                SandboxStarter.unavailable(),
                MeridianTray.forDesktop(kubeconfig, environment.configDirectory()));
    }
}
