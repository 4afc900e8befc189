package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which management plane to talk to: kubeconfig files (in kubectl's precedence order) and a
 * context in them (null: the current one). Opening it reads the files with the kubeconfig
 * engine, so several files merge exactly as kubectl merges them.
 */
public record ManagementConnection(List<Path> kubeconfigFiles, String context) {

    public ManagementConnection {
        kubeconfigFiles = List.copyOf(kubeconfigFiles);
    }

    /** The files kubectl would read: an explicit file, else $KUBECONFIG, else ~/.kube/config. */
    public static ManagementConnection resolve(
            Path explicitKubeconfig, String context, Map<String, String> env, Path home) {
        KubeconfigLocations locations = KubeconfigLocations.of(env, home).withExplicitFile(explicitKubeconfig);
        return new ManagementConnection(locations.files(), context);
    }

    /** Opens a client for the management plane; the caller closes it. */
    public KubernetesClient open() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    /** The fabric8 configuration of the context, failing fast when the plane cannot be reached. */
    public Config config() {
        String pathList = kubeconfigFiles.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        KubeconfigService service = new KubeconfigService(
                KubeconfigLocations.of(Map.of("KUBECONFIG", pathList), Path.of(System.getProperty("user.home"))));
        try {
            Config config =
                    Config.fromKubeconfig(service.managementConnection(context).minifiedKubeconfig());
            // A person is waiting: say "unreachable" after a few seconds rather than retry for half a minute.
            config.setRequestRetryBackoffLimit(1);
            config.setConnectionTimeout(5_000);
            return config;
        } catch (KubeconfigException.ContextNotFound e) {
            throw noPlane(e);
        }
    }

    /** The error for a kubeconfig that names no usable management context, with the ways out. */
    public static MeridianException noPlane(KubeconfigException.ContextNotFound cause) {
        return new MeridianException.ManagementPlane(
                cause.getMessage() + " Pass --kubeconfig FILE and --context NAME "
                        + "of the management plane, or run 'meridian sandbox' to try Meridian without one.",
                cause);
    }
}
