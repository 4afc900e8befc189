package dev.meridian.app.kubeconfig;

import java.util.Objects;
import java.util.Optional;

/**
 * A Meridian kube context to write: its cluster, user and context entries all carry
 * {@link #name()}.
 *
 * @param name {@code meridian_<cluster>} or {@code meridian_<space>_<cluster>}
 * @param cluster the connected cluster's name
 * @param space the space (namespace), or null for a cluster context
 * @param route direct or central
 * @param server the API server URL of the route
 * @param tls TLS settings of the route
 * @param proxyUrl {@code proxy-url} for the cluster entry, or null
 * @param credential the user's bearer credential
 */
public record ContextSpec(
        String name,
        String cluster,
        String space,
        Route route,
        String server,
        TlsSettings tls,
        String proxyUrl,
        Credential credential) {

    public ContextSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(credential, "credential");
        if (!ContextNames.isMeridian(name)) {
            throw new IllegalArgumentException("Meridian context names start with meridian_: " + name);
        }
        if (tls.insecureSkipTlsVerify()
                && (tls.caData().isPresent() || tls.caFile().isPresent())) {
            // kubectl refuses such a cluster: "specifying a root certificates file with the insecure
            // flag is not allowed".
            throw new IllegalArgumentException("a context cannot both skip TLS verification and pin a CA");
        }
    }

    public Optional<String> namespace() {
        return Optional.ofNullable(space);
    }

    public boolean isDirect() {
        return route == Route.DIRECT;
    }

    /**
     * Builds the spec for a cluster or a space in it. With a direct endpoint, the route is
     * {@code https://<endpoint>/kubernetes/cluster} with the endpoint's TLS settings (an insecure
     * endpoint ignores its CA, which kubectl would refuse alongside the insecure flag);
     * otherwise {@code <central origin>/kubernetes/cluster/<cluster>}: the gateway the plane records
     * with its TLS settings, else the management server's origin with the management context's. The credential is the management user's.
     *
     * @param direct the cluster's direct endpoint, or null for the central route
     * @param space the space, or null for the cluster's context
     */
    public static ContextSpec of(String cluster, DirectEndpoint direct, String space, ManagementAccess access) {
        String name = space == null ? ContextNames.forCluster(cluster) : ContextNames.forSpace(space, cluster);
        if (direct != null) {
            TlsSettings tls = direct.insecure()
                    ? TlsSettings.insecure()
                    : direct.ca().map(TlsSettings::caData).orElse(TlsSettings.systemTrust());
            return new ContextSpec(name, cluster, space, Route.DIRECT, direct.server(), tls, null, access.credential());
        }
        String server = access.centralOrigin() + "/kubernetes/cluster/" + cluster;
        return new ContextSpec(
                name,
                cluster,
                space,
                Route.CENTRAL,
                server,
                access.centralTls(),
                access.proxyUrl(),
                access.credential());
    }
}
