package dev.meridian.installer.apply;

import java.util.List;

/**
 * What an install produced; everything the app needs to set the Cluster's direct-endpoint
 * annotations.
 *
 * @param namespace the agent namespace
 * @param host the host the agent serves (DNS name or IP)
 * @param endpoint value for {@code loft.sh/direct-cluster-endpoint}: host[:port], no scheme
 * @param caPem the agent's self-signed CA (PEM) when it serves TLS itself and published it, or the
 *     private CA a cluster issuer put in the Ingress's TLS Secret ({@code ca.crt}); for
 *     {@code loft.sh/direct-cluster-endpoint-ca-data} (base64 of this); null otherwise
 * @param insecure true only when the user asked for it ({@code ...-insecure: "true"})
 * @param rolledOut true when every replica was seen ready (false without waiting)
 * @param objects every object applied, in order, with what applying it did
 */
public record InstallResult(
        String namespace,
        String host,
        String endpoint,
        String caPem,
        boolean insecure,
        boolean rolledOut,
        List<AppliedObject> objects) {

    public InstallResult {
        objects = List.copyOf(objects);
    }

    /** One applied object and what applying it did. */
    public record AppliedObject(ObjectRef object, Change change) {}

    public boolean hasCaPem() {
        return caPem != null;
    }

    /** True when at least one object was created or changed. */
    public boolean changedAnything() {
        return objects.stream().anyMatch(o -> o.change() != Change.UNCHANGED);
    }
}
