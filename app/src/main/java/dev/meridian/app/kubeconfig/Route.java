package dev.meridian.app.kubeconfig;

/** How a Meridian context reaches its cluster. */
public enum Route {
    /** Through the cluster's own endpoint: {@code https://<endpoint>/kubernetes/cluster}. */
    DIRECT,
    /** Through the management plane: {@code <management origin>/kubernetes/cluster/<name>}. */
    CENTRAL;

    /** The route of a cluster with ({@code true}) or without a direct endpoint. */
    public static Route of(boolean direct) {
        return direct ? DIRECT : CENTRAL;
    }

    /** The one name the CLI, the window and the tray show for the route. */
    public String label() {
        return this == DIRECT ? "Direct" : "Central";
    }

    /** The route a server URL of a Meridian context stands for. */
    public static Route ofServer(String server) {
        return server != null && server.replaceAll("/+$", "").endsWith("/kubernetes/cluster") ? DIRECT : CENTRAL;
    }
}
