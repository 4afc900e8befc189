package dev.meridian.app.ui.install;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Opens a Kubernetes client for a kube context of the management plane's kubeconfig: the plane's own context, or the
 * connected cluster's where the agent goes. The caller closes the client.
 */
@FunctionalInterface
public interface ClientOpener {
    KubernetesClient open(ContextConnection plane, String context);

    /** Clients from the caller's kubeconfig engine, which the window's other modules share. */
    static ClientOpener through(KubeconfigService kubeconfig) {
        return (plane, context) -> ContextClients.open(kubeconfig, context);
    }
}
