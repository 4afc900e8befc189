package dev.meridian.app.ui.install;

import dev.meridian.app.kubeconfig.ManagementConnection;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Opens a Kubernetes client for a kube context of the management plane's kubeconfig files: the plane's own context,
 * or the connected cluster's where the agent goes. The caller closes the client.
 */
@FunctionalInterface
public interface ContextClients {
    KubernetesClient open(ManagementConnection plane, String context);

    /** The product's clients: the plane's kubeconfig files merged as kubectl merges them, read at each open. */
    static ContextClients fromKubeconfigFiles() {
        return (plane, context) ->
                new dev.meridian.app.fleet.ManagementConnection(plane.kubeconfigFiles(), context).open();
    }
}
