package dev.meridian.app.kubeconfig;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a kube context needs to reach the management plane, and what Meridian contexts copy
 * from it: server, TLS settings and the user's bearer credential.
 *
 * @param contextName the management context
 * @param server the management API server URL
 * @param tls how the server's certificate is checked
 * @param proxyUrl the cluster's {@code proxy-url}, or null
 * @param credential the user's bearer credential
 * @param file the file holding the management context
 * @param gateway the central gateway the management plane records, or null: then the central
 *     route is at the management server's origin (vCluster Platform's layout)
 */
public record ManagementAccess(
        String contextName,
        String server,
        TlsSettings tls,
        String proxyUrl,
        Credential credential,
        Path file,
        CentralGateway gateway) {

    public ManagementAccess {
        Objects.requireNonNull(contextName, "contextName");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(credential, "credential");
    }

    /** Access without a recorded gateway, as read from the kubeconfig alone. */
    public ManagementAccess(
            String contextName, String server, TlsSettings tls, String proxyUrl, Credential credential, Path file) {
        this(contextName, server, tls, proxyUrl, credential, file, null);
    }

    /** The same access with the central gateway the plane records (null: none). */
    public ManagementAccess withGateway(CentralGateway value) {
        return new ManagementAccess(contextName, server, tls, proxyUrl, credential, file, value);
    }

    public Optional<CentralGateway> centralGateway() {
        return Optional.ofNullable(gateway);
    }

    /** Where central-route contexts point: the recorded gateway, else the management server's origin. */
    public String centralOrigin() {
        return gateway != null ? gateway.url() : origin();
    }

    /** TLS settings of the central route: the gateway's when one is recorded, else the management context's. */
    public TlsSettings centralTls() {
        return gateway != null ? gateway.tls() : tls;
    }

    /** {@code scheme://host[:port]} of the server: where the central gateway routes live. */
    public String origin() {
        URI uri = URI.create(server);
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("management server is not an absolute URL: " + server);
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public Optional<String> proxy() {
        return Optional.ofNullable(proxyUrl);
    }
}
