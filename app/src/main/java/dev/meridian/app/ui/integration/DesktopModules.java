package dev.meridian.app.ui.integration;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.GatewayLookup;
import dev.meridian.app.contexts.Switching;
import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.tray.MeridianTray;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.hooks.SandboxStarter;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import java.time.Duration;

/** What the shipped desktop app's window is made of: every part, in one place. */
public final class DesktopModules {
    private DesktopModules() {}

    /**
     * The parts share one kubeconfig engine, so they share the trees it parsed, and one central-gateway lookup, so
     * the plane is asked for its gateway once a minute rather than once per part.
     */
    public static DesktopServices forEnvironment(DesktopEnvironment environment) {
        KubeconfigService kubeconfig = environment.kubeconfig();
        GatewayLookup gateways = new CentralGateways.Memo(kubeconfig, Duration.ofMinutes(1), environment.clock());
        Switching switching = new Switching(kubeconfig, gateways);
        return new DesktopServices(
                new KubeconfigContextActions(switching),
                new HealthProbes(Prober.create(), kubeconfig, gateways, environment.clock()),
                new InstallLauncher(
                        kubeconfig::contextNames,
                        InstallServices.desktop(
                                AgentInstallFlow.standard(environment.clock()), kubeconfig, environment.clock())),
                // A user without a plane gets the first-run sandbox before the window opens (DesktopLauncher).
                SandboxStarter.unavailable(),
                MeridianTray.forDesktop(kubeconfig, switching, environment.configDirectory()));
    }
}
