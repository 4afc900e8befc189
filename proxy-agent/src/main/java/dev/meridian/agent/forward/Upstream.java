package dev.meridian.agent.forward;

import io.vertx.core.http.HttpClient;
import java.util.Objects;

/**
 * One API server requests can be sent to: the connections proxied requests travel on, a pooled
 * HTTP client for the agent's own calls (reviews), both configured
 * with the server's TLS trust (verification is never skipped); its address, the path it is
 * mounted under, and the agent's own credentials towards it.
 */
public record Upstream(
        String name,
        UpstreamChannels channels,
        HttpClient client,
        String host,
        int port,
        boolean ssl,
        String basePath,
        Credentials credentials) {
    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        basePath = basePath == null || basePath.equals("/") ? "" : stripTrailingSlash(basePath);
    }

    /** Closes the clients and the idle connections; requests in flight finish on theirs. */
    public void close() {
        channels.close();
        client.close();
    }

    /** The authority for the Host header sent upstream. */
    public String authority() {
        return authority(host, port, ssl);
    }

    static String authority(String host, int port, boolean ssl) {
        boolean defaultPort = ssl ? port == 443 : port == 80;
        String h = host.contains(":") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }

    private static String stripTrailingSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
