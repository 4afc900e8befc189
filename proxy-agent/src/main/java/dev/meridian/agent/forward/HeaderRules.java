package dev.meridian.agent.forward;

import dev.meridian.agent.auth.UserInfo;
import io.vertx.core.MultiMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Which headers cross the agent, in each direction, and the impersonation headers it adds. */
public final class HeaderRules {

    /** RFC 7230 6.1 and RFC 2616 13.5.1: meaningful for one connection only. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private HeaderRules() {
    }

    public static boolean hasImpersonation(MultiMap headers) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().regionMatches(true, 0, "impersonate-", 0, "impersonate-".length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headers to send upstream: everything the client sent except hop-by-hop headers,
     * Host, credentials and identity claims (Authorization, Impersonate-*, X-Remote-*).
     */
    public static MultiMap requestHeadersForUpstream(MultiMap client) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        copyRequestHeaders(client, out::add);
        return out;
    }

    /**
     * Passes to {@code add} what {@link #requestHeadersForUpstream} would return, so the headers go
     * straight into whichever request object is sent upstream.
     */
    public static void copyRequestHeaders(MultiMap client, BiConsumer<String, String> add) {
        Set<String> drop = connectionTokens(client.getAll("connection"));
        for (Map.Entry<String, String> h : client) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || drop.contains(name) || name.equals("host") || name.equals("authorization")
                    || name.startsWith("impersonate-") || name.startsWith("x-remote-") || name.startsWith(":")) {
                continue;
            }
            add.accept(h.getKey(), h.getValue());
        }
    }

    /**
     * The agent's own credentials and the reviewed user's identity, as the API server expects them, added
     * to headers that carry none of their own (what {@link #copyRequestHeaders} leaves).
     */
    public static void addImpersonation(BiConsumer<String, String> add, UserInfo user, String agentToken) {
        if (agentToken != null) {
            add.accept("Authorization", "Bearer " + agentToken);
        }
        add.accept("Impersonate-User", user.username());
        for (String group : user.groups()) {
            add.accept("Impersonate-Group", group);
        }
        if (user.uid() != null && !user.uid().isEmpty()) {
            add.accept("Impersonate-Uid", user.uid());
        }
        // Extra keys are case-insensitive header suffixes; the API server percent-decodes them (KEP 1510).
        user.extra().forEach((key, values) -> {
            String header = "Impersonate-Extra-" + URLEncoder.encode(key, StandardCharsets.UTF_8);
            values.forEach(v -> add.accept(header, v));
        });
    }

    /** Response headers for the client: everything but hop-by-hop headers. */
    public static void copyResponseHeaders(MultiMap upstream, MultiMap out) {
        copyResponseHeaders(upstream, upstream.getAll("connection"), out);
    }

    /** As above, for headers in any container; {@code connection} are the values of its Connection headers. */
    public static void copyResponseHeaders(Iterable<Map.Entry<String, String>> upstream, List<String> connection, MultiMap out) {
        Set<String> drop = connectionTokens(connection);
        for (Map.Entry<String, String> h : upstream) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !drop.contains(name)) {
                out.add(h.getKey(), h.getValue());
            }
        }
    }

    /** Header names listed in Connection are hop-by-hop too (RFC 7230 6.1). */
    static Set<String> connectionTokens(List<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
        }
        return tokens;
    }

    public static boolean isUpgrade(MultiMap headers) {
        return headers.contains("upgrade") && connectionTokens(headers.getAll("connection")).contains("upgrade");
    }

    /** Both Content-Length and Transfer-Encoding, or several lengths, make the body's end ambiguous (RFC 7230 3.3.3). */
    public static boolean hasAmbiguousFraming(MultiMap headers) {
        List<String> lengths = headers.getAll("content-length");
        if (lengths.size() > 1 || (lengths.size() == 1 && lengths.get(0).contains(","))) {
            return true;
        }
        return !lengths.isEmpty() && headers.contains("transfer-encoding");
    }

    public static boolean hasBody(MultiMap headers) {
        String length = headers.get("content-length");
        return headers.contains("transfer-encoding") || (length != null && !length.trim().equals("0"));
    }
}
