package dev.meridian.app.fleet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.meridian.app.MeridianException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Where the management plane is: a kubeconfig (explicit, {@code $KUBECONFIG}, or
 * {@code ~/.kube/config}, as kubectl finds it) and a context in it (default: the current one).
 */
public record ManagementConnection(List<Path> kubeconfigFiles, String context) {

    public ManagementConnection {
        kubeconfigFiles = List.copyOf(kubeconfigFiles);
    }

    /** Resolves the kubeconfig files like kubectl: an explicit file wins, then $KUBECONFIG, then ~/.kube/config. */
    public static ManagementConnection resolve(Path explicitKubeconfig, String context, Map<String, String> env,
            Path home) {
        List<Path> files = new ArrayList<>();
        if (explicitKubeconfig != null) {
            files.add(explicitKubeconfig);
        } else if (env.get("KUBECONFIG") != null && !env.get("KUBECONFIG").isBlank()) {
            for (String part : env.get("KUBECONFIG").split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    files.add(Path.of(part));
                }
            }
        } else {
            files.add(home.resolve(".kube").resolve("config"));
        }
        return new ManagementConnection(files, context);
    }

    /** Opens a client for the management plane. The caller closes it. */
    public KubernetesClient open() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    /** The fabric8 configuration of the selected context, with the first file that defines it. */
    public Config config() {
        List<Path> existing = kubeconfigFiles.stream().filter(Files::isRegularFile).toList();
        if (existing.isEmpty()) {
            throw new MeridianException.ManagementPlane("No kubeconfig found at " + kubeconfigFiles
                    + ". Pass --kubeconfig FILE, set KUBECONFIG, or run 'meridian sandbox' to try Meridian "
                    + "without a management plane.", null);
        }
        try {
            Path file = existing.get(0);
            Config config = Config.fromKubeconfig(context, Files.readString(file), file.toString());
            if (config.getMasterUrl() == null || config.getCurrentContext() == null) {
                throw new MeridianException.ManagementPlane(context == null
                        ? "The kubeconfig " + existing + " has no current context. Pass --context NAME."
                        : "The kubeconfig " + existing + " has no context '" + context + "'. "
                                + "List them with 'kubectl config get-contexts'.", null);
            }
            return config;
        } catch (MeridianException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MeridianException.ManagementPlane("Could not read the kubeconfig " + existing + ": "
                    + e.getMessage() + ". Fix the file or pass another with --kubeconfig.", e);
        }
    }
}
