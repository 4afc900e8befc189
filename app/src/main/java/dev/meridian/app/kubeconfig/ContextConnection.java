package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What a Kubernetes client needs to connect with one kube context of the user's kubeconfig (the
 * management plane's, or a connected cluster's own). With fabric8 8:
 * {@code Config.fromKubeconfig(minifiedKubeconfig)} (its current context is {@code contextName};
 * the three-argument overload is deprecated for removal).
 *
 * @param kubeconfigFiles the files in precedence order, as loaded (missing ones included)
 * @param contextName the context
 * @param minifiedKubeconfig a standalone kubeconfig with just that context, its cluster and
 *     user, relative paths made absolute (like {@code kubectl config view --minify --raw})
 */
public record ContextConnection(List<Path> kubeconfigFiles, String contextName, String minifiedKubeconfig) {
    public ContextConnection {
        kubeconfigFiles = List.copyOf(kubeconfigFiles);
    }

    @Override
    public String toString() {
        return "ContextConnection[" + kubeconfigFiles + ", " + contextName + "]";
    }
}
