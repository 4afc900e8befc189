package dev.meridian.agent.config;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import java.util.Objects;

/** Where the agent finds an API server and the credentials to call it. */
public sealed interface ClusterSource {

    /** The pod's ServiceAccount: in-cluster host, CA and projected token (re-read when rotated). */
    record InCluster() implements ClusterSource {}

    /** A kubeconfig file; {@code context} null means its current context. */
    record Kubeconfig(Path path, String context) implements ClusterSource {
        public Kubeconfig {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A ready fabric8 configuration, for in-process use. */
    record Fabric8(Config config) implements ClusterSource {
        public Fabric8 {
            Objects.requireNonNull(config, "config");
        }
    }

    static ClusterSource inCluster() {
        return new InCluster();
    }

    static ClusterSource kubeconfig(Path path) {
        return new Kubeconfig(path, null);
    }

    static ClusterSource of(Config config) {
        return new Fabric8(config);
    }
}
