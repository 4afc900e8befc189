package dev.meridian.app.tray;

import dev.meridian.app.health.HealthSummary.Verdict;
import dev.meridian.app.kubeconfig.Route;
import java.util.List;
import java.util.Optional;

/**
 * Everything the tray menu is built from, gathered off the UI threads.
 *
 * @param planeContext the management plane's kube context; empty when none is connected
 * @param clusters the connected clusters, in the order to show them
 * @param currentContext kubectl's current context; empty when none is set
 * @param canGoBack whether a previous (non-Meridian) context is remembered
 * @param keepRunning whether closing the main window keeps the app in the tray
 */
public record TrayState(
        Optional<String> planeContext,
        List<TrayCluster> clusters,
        Optional<String> currentContext,
        boolean canGoBack,
        boolean keepRunning) {

    public TrayState {
        clusters = List.copyOf(clusters);
    }

    /**
     * One connected cluster as the tray shows it.
     *
     * @param spaces the spaces that have a Meridian context in the kubeconfig
     */
    public record TrayCluster(String name, String title, Route route, Verdict health, List<String> spaces) {
        public TrayCluster {
            spaces = List.copyOf(spaces);
        }
    }
}
