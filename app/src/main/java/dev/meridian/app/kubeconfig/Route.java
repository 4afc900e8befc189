package dev.meridian.app.kubeconfig;

/** How a Meridian context reaches its cluster. */
public enum Route {
    /** Through the cluster's own endpoint: {@code https://<endpoint>/kubernetes/cluster}. */
    DIRECT,
    /** Through the management plane: {@code <management origin>/kubernetes/cluster/<name>}. */
    CENTRAL;

    /** The route a server URL of a Meridian context stands for. */
    public static Route ofServer(String server) {
        return server != null && server.replaceAll("/+$", "").endsWith("/kubernetes/cluster") ? DIRECT : CENTRAL;
    }
}
