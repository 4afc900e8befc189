package dev.meridian.app.kubeconfig;

import java.net.URI;
import java.util.Objects;

/**
 * The central gateway a management plane records ({@code meridian plane install --gateway}):
 * central-route contexts point at {@code <url>/kubernetes/cluster/<name>} and trust it with
 * {@code tls}.
 *
 * @param url {@code https://host[:port]}, no path
 * @param tls how the gateway's certificate is checked
 */
public record CentralGateway(String url, TlsSettings tls) {

    public CentralGateway {
        Objects.requireNonNull(tls, "tls");
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL", e);
        }
        if (!"https".equals(uri.getScheme())
                || uri.getRawAuthority() == null
                || !(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + url + "' is not an https://host[:port] URL");
        }
        url = "https://" + uri.getRawAuthority();
    }
}
