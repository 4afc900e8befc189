package dev.meridian.agent.upstream;

import java.util.Objects;

/**
 * One API server requests can be sent to: the connections proxied requests and the agent's own
 * calls (reviews, {@link ApiPost}) travel on, with the server's TLS trust (verification is never
 * skipped); its address, the path it is mounted under, and the agent's own credentials towards it.
 */
public record Upstream(
        String name,
        UpstreamChannels channels,
        String host,
        int port,
        boolean ssl,
        String basePath,
        Credentials credentials) {
    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        basePath = basePath == null || basePath.equals("/") ? "" : stripTrailingSlash(basePath);
    }

    /** Closes every connection, those in use too, and stops re-reading a token file. */
    public void close() {
        channels.close();
        if (credentials instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // Nothing to do: a timer that cannot be cancelled ends with the loops.
            }
        }
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
