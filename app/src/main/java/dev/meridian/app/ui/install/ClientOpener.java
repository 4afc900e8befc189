package dev.meridian.app.ui.install;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Opens a Kubernetes client for a kube context of the management plane's kubeconfig (the plane's own context, or
 * the connected cluster's where the agent goes), or for a connected cluster's central route through the plane. The
 * caller closes the client.
 */
public interface ClientOpener {
    KubernetesClient open(ContextConnection plane, String context);

    /** A client for {@code cluster} through the plane's central route, with the plane context's credential. */
    KubernetesClient openCentralRoute(ContextConnection plane, String cluster);

    /** Clients from the caller's kubeconfig engine, which the window's other modules share. */
    static ClientOpener through(KubeconfigService kubeconfig) {
        return new ClientOpener() {
            @Override
            public KubernetesClient open(ContextConnection plane, String context) {
                return ContextClients.open(kubeconfig, context);
            }

            @Override
            public KubernetesClient openCentralRoute(ContextConnection plane, String cluster) {
                return ContextClients.openCentralRoute(kubeconfig, plane.contextName(), cluster);
            }
        };
    }
}
