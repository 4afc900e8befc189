package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.kubeconfig.KubeconfigService;
import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * What the install wizard and the uninstall dialog work with, built by whoever plugs them into the app.
 *
 * @param flow the install and uninstall steps, shared with {@code meridian agent}
 * @param clients opens the management plane's and the target cluster's clients
 * @param clock stamps the endpoint change on the plane
 * @param fxThread where progress and outcomes are applied to the view models' properties: the FX thread in the app,
 *     any single thread in a test without a window
 */
public record InstallServices(AgentInstallFlow flow, ClientOpener clients, Clock clock, Executor fxThread) {

    /** The desktop app's services: clients from the window's kubeconfig engine, results on the FX thread. */
    public static InstallServices desktop(AgentInstallFlow flow, KubeconfigService kubeconfig, Clock clock) {
        return new InstallServices(flow, ClientOpener.through(kubeconfig), clock, Platform::runLater);
    }
}
