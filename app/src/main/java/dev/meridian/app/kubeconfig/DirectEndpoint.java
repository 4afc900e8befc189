package dev.meridian.app.kubeconfig;

import java.util.Objects;
import java.util.Optional;

/**
 * A cluster's direct endpoint, from its {@code loft.sh/direct-cluster-endpoint*} annotations.
 *
 * @param hostPort host and optional port; no scheme, no path
 * @param insecure skip TLS verification ({@code -insecure: "true"})
 * @param caData base64 PEM of the endpoint's CA, or null
 */
public record DirectEndpoint(String hostPort, boolean insecure, String caData) {

    public DirectEndpoint {
        Objects.requireNonNull(hostPort, "hostPort");
        if (hostPort.isBlank()
                || hostPort.contains("/")
                || hostPort.contains("://")
                || hostPort.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "direct endpoint must be host[:port] without scheme or path: '" + hostPort + "'");
        }
        if (caData != null && caData.isBlank()) {
            caData = null;
        }
    }

    /** The API route: {@code https://<endpoint>/kubernetes/cluster}. */
    public String server() {
        return "https://" + hostPort + "/kubernetes/cluster";
    }

    /** The origin users see in {@code [info] Using direct cluster endpoint at ...}. */
    public String url() {
        return "https://" + hostPort;
    }

    public Optional<String> ca() {
        return Optional.ofNullable(caData);
    }
}
