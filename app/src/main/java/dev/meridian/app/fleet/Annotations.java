package dev.meridian.app.fleet;

/** The annotation keys on a {@code Cluster} object that switch its direct endpoint on and configure its TLS. */
public final class Annotations {
    public static final String ENDPOINT = "loft.sh/direct-cluster-endpoint";
    public static final String INSECURE = "loft.sh/direct-cluster-endpoint-insecure";
    public static final String CA_DATA = "loft.sh/direct-cluster-endpoint-ca-data";

    /** Kubernetes caps the total size of an object's annotations at 256 KiB. */
    public static final int MAX_VALUE_BYTES = 256 * 1024;

    private Annotations() {}
}
