package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigService;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Kubernetes clients for kube contexts of the caller's kubeconfig: the management plane's, or a
 * connected cluster's own. The kubeconfig is read by the caller's {@link KubeconfigService}, so
 * several files merge exactly as kubectl merges them and a command reads them once.
 */
public final class ContextClients {
    private ContextClients() {}

    /**
     * Opens a client for {@code context} (null: the current one); the caller closes it.
     *
     * @throws MeridianException.ManagementPlane when the kubeconfig has no such context
     */
    public static KubernetesClient open(KubeconfigService kubeconfig, String context) {
        ContextConnection connection;
        try {
            connection = kubeconfig.connection(context);
        } catch (KubeconfigException.ContextNotFound e) {
            throw noPlane(e);
        }
        return open(connection);
    }

    /** Opens a client for a context already read from the kubeconfig; the caller closes it. */
    public static KubernetesClient open(ContextConnection connection) {
        return new KubernetesClientBuilder().withConfig(config(connection)).build();
    }

    /**
     * Opens a client for connected cluster {@code cluster} through its central route
     * ({@code <central origin>/kubernetes/cluster/<name>}) with {@code planeContext}'s credential and TLS, for a
     * plane whose gateway shares its origin (the sandbox's); the caller closes it.
     */
    public static KubernetesClient openCentralRoute(KubeconfigService kubeconfig, String planeContext, String cluster) {
        Config config = config(kubeconfig.connection(planeContext));
        config.setMasterUrl(
                kubeconfig.managementAccess(planeContext).centralOrigin() + "/kubernetes/cluster/" + cluster);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The fabric8 configuration of the context, failing fast when its server cannot be reached. */
    public static Config config(ContextConnection connection) {
        Config config = Config.fromKubeconfig(connection.minifiedKubeconfig());
        // A person is waiting: say "unreachable" after a few seconds rather than retry for half a minute.
        config.setRequestRetryBackoffLimit(1);
        config.setConnectionTimeout(5_000);
        return config;
    }

    /** The error for a kubeconfig that names no usable management context, with the ways out. */
    public static MeridianException noPlane(KubeconfigException.ContextNotFound cause) {
        String message = cause.getMessage();
        return new MeridianException.ManagementPlane(
                message + (message.endsWith(".") ? "" : ".") + " Pass --kubeconfig FILE and --context NAME "
                        + "of the management plane, or run 'meridian sandbox' to try Meridian without one.",
                cause);
    }
}
