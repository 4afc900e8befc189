package dev.meridian.agent.forward;

import dev.meridian.agent.core.UserInfo;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Which headers cross the agent, in each direction, and the impersonation headers it adds. */
public final class HeaderRules {

    /** RFC 7230 6.1 and RFC 2616 13.5.1: meaningful for one connection only. */
    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** Names the agent adds to every request, their hash computed once. */
    private static final AsciiString AUTHORIZATION = AsciiString.cached("Authorization");

    private static final AsciiString IMPERSONATE_USER = AsciiString.cached("Impersonate-User");
    private static final AsciiString IMPERSONATE_GROUP = AsciiString.cached("Impersonate-Group");
    private static final AsciiString IMPERSONATE_UID = AsciiString.cached("Impersonate-Uid");

    private HeaderRules() {}

    public static boolean hasImpersonation(HttpHeaders headers) {
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            if (startsWithIgnoreCase(it.next().getKey(), "impersonate-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headers to send upstream: everything the client sent except hop-by-hop headers,
     * Host, credentials, identity claims (Authorization, Impersonate-*, X-Remote-*) and address
     * claims (X-Forwarded-For/Host/Proto/Port, Forwarded, X-Real-IP: the agent states those, see
     * {@link ForwardedHeaders}).
     */
    public static HttpHeaders requestHeadersForUpstream(HttpHeaders client) {
        HttpHeaders out = new DefaultHttpHeaders();
        copyRequestHeaders(client, out);
        return out;
    }

    /**
     * Adds to {@code out} what {@link #requestHeadersForUpstream} would return, so the headers go
     * straight into the request sent upstream. Names stay as the decoder made them (their hash
     * computed once), never turned into Strings.
     */
    public static void copyRequestHeaders(HttpHeaders client, HttpHeaders out) {
        // Most clients send no Connection header over HTTP/1.1: then no list of its values is made.
        Set<String> drop = client.contains(HttpHeaderNames.CONNECTION)
                ? connectionTokens(client.getAll(HttpHeaderNames.CONNECTION))
                : Set.of();
        Iterator<Map.Entry<CharSequence, CharSequence>> it = client.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            CharSequence name = h.getKey();
            if (isHopByHop(name)
                    || listedIn(drop, name)
                    || AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.HOST)
                    || AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.AUTHORIZATION)
                    || startsWithIgnoreCase(name, "impersonate-")
                    || startsWithIgnoreCase(name, "x-remote-")
                    || ForwardedHeaders.isForwarding(name)
                    || (name.length() > 0 && name.charAt(0) == ':')) {
                continue;
            }
            out.add(name, h.getValue());
        }
    }

    /**
     * {@link #HOP_BY_HOP} without lower-casing the name first: this runs for every header of
     * every request and answer, and a lower-cased copy of each name showed in profiles.
     */
    static boolean isHopByHop(CharSequence name) {
        return switch (name.length()) {
            case 2 -> is(name, TE);
            case 7 -> is(name, UPGRADE) || is(name, TRAILER);
            case 10 -> is(name, CONNECTION) || is(name, KEEP_ALIVE);
            case 16 -> is(name, PROXY_CONNECTION);
            case 17 -> is(name, TRANSFER_ENCODING);
            case 18 -> is(name, PROXY_AUTHENTICATE);
            case 19 -> is(name, PROXY_AUTHORIZATION);
            default -> false;
        };
    }

    /*
     * The hop-by-hop names as AsciiStrings: names read by the codec are AsciiStrings too, and
     * two of them compare byte by byte, where a String made the comparison go through
     * CharSequence.charAt for every character (HeaderRules.is showed in profiles).
     */
    private static final AsciiString TE = AsciiString.cached("te");
    private static final AsciiString UPGRADE = AsciiString.cached("upgrade");
    private static final AsciiString TRAILER = AsciiString.cached("trailer");
    private static final AsciiString CONNECTION = AsciiString.cached("connection");
    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("transfer-encoding");
    private static final AsciiString PROXY_AUTHENTICATE = AsciiString.cached("proxy-authenticate");
    private static final AsciiString PROXY_AUTHORIZATION = AsciiString.cached("proxy-authorization");

    private static boolean is(CharSequence name, AsciiString lowerCase) {
        return AsciiString.contentEqualsIgnoreCase(name, lowerCase);
    }

    private static boolean startsWithIgnoreCase(CharSequence name, String prefix) {
        return AsciiString.regionMatches(name, true, 0, prefix, 0, prefix.length());
    }

    private static boolean listedIn(Set<String> drop, CharSequence name) {
        return !drop.isEmpty() && drop.contains(name.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * The agent's own credentials and the reviewed user's identity, as the API server expects them, added
     * to headers that carry none of their own (what {@link #copyRequestHeaders} leaves).
     */
    public static void addImpersonation(BiConsumer<CharSequence, String> add, UserInfo user, String agentToken) {
        if (agentToken != null) {
            add.accept(AUTHORIZATION, "Bearer " + agentToken);
        }
        add.accept(IMPERSONATE_USER, user.username());
        for (String group : user.groups()) {
            add.accept(IMPERSONATE_GROUP, group);
        }
        if (user.uid() != null && !user.uid().isEmpty()) {
            add.accept(IMPERSONATE_UID, user.uid());
        }
        // Extra keys are case-insensitive header suffixes; the API server percent-decodes them (KEP 1510).
        user.extra().forEach((key, values) -> {
            String header = "Impersonate-Extra-" + URLEncoder.encode(key, StandardCharsets.UTF_8);
            values.forEach(v -> add.accept(header, v));
        });
    }

    /** Response headers for the client: everything but hop-by-hop headers. */
    public static void copyResponseHeaders(HttpHeaders upstream, HttpHeaders out) {
        Iterable<Map.Entry<CharSequence, CharSequence>> entries = upstream::iteratorCharSequence;
        copyResponseHeaders(entries, upstream.getAll(HttpHeaderNames.CONNECTION), out);
    }

    /**
     * Removes from an answer's own headers what {@link #copyResponseHeaders} would leave out, so
     * that the answer read from the API server goes on to the client in its own map: no copy of
     * every header per request. Usually there is nothing or only {@code Connection} to remove.
     */
    public static void removeHopByHop(HttpHeaders headers) {
        List<CharSequence> found = null;
        boolean connection = false;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            CharSequence name = it.next().getKey();
            if (isHopByHop(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(name);
                connection |= AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION);
            }
        }
        if (found == null) {
            return;
        }
        if (connection) {
            for (String listed : connectionTokens(headers.getAll(HttpHeaderNames.CONNECTION))) {
                headers.remove(listed);
            }
        }
        for (CharSequence name : found) {
            headers.remove(name);
        }
    }

    /** As above, for headers in any container; {@code connection} are the values of its Connection headers. */
    public static void copyResponseHeaders(
            Iterable<? extends Map.Entry<? extends CharSequence, ? extends CharSequence>> upstream,
            List<String> connection,
            HttpHeaders out) {
        Set<String> drop = connectionTokens(connection);
        for (Map.Entry<? extends CharSequence, ? extends CharSequence> h : upstream) {
            CharSequence name = h.getKey();
            if (!isHopByHop(name) && !listedIn(drop, name)) {
                out.add(name, h.getValue());
            }
        }
    }

    /**
     * Header names listed in Connection are hop-by-hop too (RFC 7230 6.1): those not in
     * {@link #HOP_BY_HOP} already, lower-cased. The
     * usual values ({@code keep-alive}, {@code close}, {@code Upgrade}) add nothing beyond
     * {@link #HOP_BY_HOP}, and then no set is built.
     */
    static Set<String> connectionTokens(List<String> values) {
        Set<String> tokens = Set.of();
        for (String value : values) {
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String t = value.substring(start, end).trim();
                if (!t.isEmpty() && !t.equalsIgnoreCase("close") && !isHopByHop(t)) {
                    if (tokens.isEmpty()) {
                        tokens = new HashSet<>();
                    }
                    tokens.add(t.toLowerCase(Locale.ROOT));
                }
                start = end + 1;
            }
        }
        return tokens;
    }

    /**
     * Whether the request asks to switch protocols (exec, attach, port-forward). A plain-HTTP
     * client's offer of HTTP/2 ({@code h2c}) is not relayed: the request is served as HTTP/1.1.
     */
    public static boolean isUpgrade(HttpHeaders headers) {
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        if (upgrade == null || upgrade.trim().equalsIgnoreCase("h2c")) {
            return false;
        }
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                if (token.trim().equalsIgnoreCase("upgrade")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Both Content-Length and Transfer-Encoding, or several lengths, make the body's end ambiguous (RFC 7230 3.3.3). */
    public static boolean hasAmbiguousFraming(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            return false;
        }
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (lengths.size() > 1 || (lengths.size() == 1 && lengths.get(0).contains(","))) {
            return true;
        }
        return !lengths.isEmpty() && headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    public static boolean hasBody(HttpHeaders headers) {
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        return headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || (length != null && !length.trim().equals("0"));
    }
}
