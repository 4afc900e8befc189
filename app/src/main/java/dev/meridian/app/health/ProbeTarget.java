package dev.meridian.app.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * One endpoint to probe: {@code https://HOST[:PORT]/healthz}, the TLS mode of its kube context and,
 * optionally, the server name to send (SNI) and verify instead of the URL host (kubeconfig
 * {@code tls-server-name}).
 *
 * @param serverName null when the URL host is the name to verify
 */
public record ProbeTarget(URI url, TlsMode tls, String serverName) {

    public ProbeTarget {
        if (url == null || tls == null) {
            throw new IllegalArgumentException("url and tls mode are required");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("probe URL must use https: " + url);
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("probe URL has no host: " + url);
        }
        if (serverName != null && serverName.isBlank()) {
            serverName = null;
        }
        if (serverName != null && !HostnameMatcher.isIpLiteral(serverName)) {
            try {
                new javax.net.ssl.SNIHostName(serverName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid TLS server name: " + serverName, e);
            }
        }
    }

    public static ProbeTarget of(String url, TlsMode tls) {
        try {
            return new ProbeTarget(new URI(url), tls, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid probe URL: " + url, e);
        }
    }

    /**
     * The health URL of a direct endpoint as the {@code loft.sh/direct-cluster-endpoint} annotation
     * holds it ({@code host[:port]}, no scheme, no path).
     */
    public static ProbeTarget forEndpoint(String endpoint, TlsMode tls) {
        if (endpoint == null || endpoint.isBlank() || endpoint.contains("/") || endpoint.contains("://")) {
            throw new IllegalArgumentException("endpoint must be host[:port] without scheme or path: " + endpoint);
        }
        return of("https://" + endpoint.strip() + "/healthz", tls);
    }

    public ProbeTarget withServerName(String name) {
        return new ProbeTarget(url, tls, name);
    }

    public ProbeTarget withTls(TlsMode mode) {
        return new ProbeTarget(url, mode, serverName);
    }

    public Optional<String> expectedServerName() {
        return Optional.ofNullable(serverName);
    }

    /** The URL host without IPv6 brackets. */
    public String host() {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    /** The name the certificate must be valid for. */
    public String verifiedName() {
        return (serverName != null ? serverName : host()).toLowerCase(Locale.ROOT);
    }

    String hostHeader() {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    String requestTarget() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    @Override
    public String toString() {
        return url + " (" + tls.describe() + (serverName == null ? "" : ", server name " + serverName) + ")";
    }
}
