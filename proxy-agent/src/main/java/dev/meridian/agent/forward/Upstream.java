package dev.meridian.agent.forward;

import io.vertx.core.http.HttpClient;
import io.vertx.core.net.NetClient;

import java.util.Objects;

/**
 * One API server requests can be sent to: a pooled HTTP client (and a raw client for upgrades)
 * already configured with the
 * server's TLS trust (verification is never skipped), its address, the path it is mounted
 * under, and the agent's own credentials towards it.
 */
public record Upstream(String name, HttpClient client, NetClient netClient, String host, int port, boolean ssl, String basePath,
                       Credentials credentials) {
    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(netClient, "netClient");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        basePath = basePath == null || basePath.equals("/") ? "" : stripTrailingSlash(basePath);
    }

    /** The authority for the Host header sent upstream. */
    public String authority() {
        boolean defaultPort = ssl ? port == 443 : port == 80;
        String h = host.contains(":") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }

    private static String stripTrailingSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
