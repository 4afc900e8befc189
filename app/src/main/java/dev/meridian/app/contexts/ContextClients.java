package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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
            throw noPlane(kubeconfig.locations(), e);
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

    /**
     * The error for a kubeconfig without the context a command needs, in plain words and with the ways out:
     * invalid input (exit code 2), not an unreachable plane.
     */
    public static MeridianException noPlane(KubeconfigLocations locations, KubeconfigException.ContextNotFound cause) {
        String sandbox = "run 'meridian sandbox' to try Meridian with a fleet on this machine";
        List<Path> files = locations.files();
        String message;
        if (files.stream().noneMatch(Files::isRegularFile)) {
            message = "There is no kubeconfig: "
                    + files.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + (files.size() == 1 ? " does not exist" : " do not exist") + ". To start, " + sandbox
                    + "; or pass --kubeconfig FILE with your management plane's kubeconfig.";
        } else if (cause.contextName().isEmpty()) {
            message = "The kubeconfig sets no current context. Pass --context NAME with your management plane's "
                    + "context (or choose one with 'kubectl config use-context NAME'), or " + sandbox + ".";
        } else {
            message = "There is no context '" + cause.contextName() + "' in the kubeconfig ("
                    + files.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "); 'kubectl config get-contexts' lists the ones there are.";
        }
        return new MeridianException.InvalidInput(message, cause);
    }
}
