package dev.meridian.agent.forward;

import dev.meridian.agent.config.Cidr;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the API server learns of where a request came from. It audits the addresses in
 * {@code X-Forwarded-For} (then {@code X-Real-Ip}, then its peer) as the request's sourceIPs, so a
 * client could name any source it liked. The agent therefore drops every forwarding header a client
 * sends and states the address it saw: {@code X-Forwarded-For: <peer>}. Only a peer in
 * {@code --trusted-forwarders} (a front proxy that sets these headers itself) keeps its
 * {@code X-Forwarded-For} chain, with its own address appended as a proxy does, and its
 * {@code X-Forwarded-Host/Proto/Port}. {@code Forwarded} (RFC 7239) and {@code X-Real-IP} never
 * cross: the chain in {@code X-Forwarded-For} says it all.
 */
final class ForwardedHeaders {
    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final List<AsciiString> KEPT_FROM_FORWARDERS = List.of(
            AsciiString.cached("X-Forwarded-Host"),
            AsciiString.cached("X-Forwarded-Proto"),
            AsciiString.cached("X-Forwarded-Port"));

    private ForwardedHeaders() {}

    /** Whether {@code name} claims a client address, host or scheme; checked per header, so by length first. */
    static boolean isForwarding(CharSequence name) {
        return switch (name.length()) {
            case 9 -> is(name, "forwarded") || is(name, "x-real-ip");
            case 15 -> is(name, "x-forwarded-for");
            case 16 -> is(name, "x-forwarded-host") || is(name, "x-forwarded-port");
            case 17 -> is(name, "x-forwarded-proto");
            default -> false;
        };
    }

    private static boolean is(CharSequence name, String lowerCase) {
        return AsciiString.contentEqualsIgnoreCase(name, lowerCase);
    }

    /** Adds the forwarding headers for a request from {@code peer} ("" when unknown: then none). */
    static void add(BiConsumer<CharSequence, String> add, HttpHeaders client, String peer, boolean fromForwarder) {
        if (peer.isEmpty()) {
            return;
        }
        if (!fromForwarder) {
            add.accept(X_FORWARDED_FOR, peer);
            return;
        }
        String chain = String.join(", ", client.getAll(X_FORWARDED_FOR)).trim();
        add.accept(X_FORWARDED_FOR, chain.isEmpty() ? peer : chain + ", " + peer);
        for (AsciiString name : KEPT_FROM_FORWARDERS) {
            for (String value : client.getAll(name)) {
                add.accept(name, value);
            }
        }
    }

    /**
     * The request's sourceIPs as the API server reads them (k8s.io/apimachinery utilnet.SourceIPs):
     * from a trusted forwarder, the valid addresses of its chain, client first, then the peer unless
     * it is the last already; from anyone else, the peer alone.
     */
    static List<String> sourceIps(HttpHeaders client, String peer, boolean fromForwarder) {
        if (!fromForwarder) {
            return peer.isEmpty() ? List.of() : List.of(peer);
        }
        List<String> ips = new ArrayList<>();
        for (String value : client.getAll(X_FORWARDED_FOR)) {
            for (String part : value.split(",")) {
                String ip = part.trim();
                if (isIpLiteral(ip)) {
                    ips.add(ip);
                }
            }
        }
        if (ips.isEmpty() || !sameAddress(ips.get(ips.size() - 1), peer)) {
            ips.add(peer);
        }
        return ips;
    }

    /**
     * The address to hold to per-client limits: the peer, or for a trusted forwarder the nearest
     * address of its chain (read from the right) that is not itself a trusted forwarder. Entries
     * further left were written by the client and prove nothing, so a client cannot pick its key.
     */
    static String clientKey(HttpHeaders client, String peer, TrustedForwarders forwarders) {
        List<String> values = client.getAll(X_FORWARDED_FOR);
        for (int v = values.size() - 1; v >= 0; v--) {
            String[] parts = values.get(v).split(",");
            for (int i = parts.length - 1; i >= 0; i--) {
                String ip = parts[i].trim();
                if (!isIpLiteral(ip)) {
                    // A hop wrote something that is not an address: nothing to its left can be believed.
                    return peer;
                }
                if (!forwarders.trusts(ip)) {
                    return ip;
                }
            }
        }
        return peer;
    }

    /** A bare IPv4 or IPv6 address, as Go's net.ParseIP takes it: no brackets, zone or port. */
    private static boolean isIpLiteral(String s) {
        return NetUtil.isValidIpV4Address(s)
                || (NetUtil.isValidIpV6Address(s) && s.indexOf('[') < 0 && s.indexOf('%') < 0);
    }

    private static boolean sameAddress(String a, String b) {
        byte[] x = NetUtil.createByteArrayFromIpAddressString(a);
        byte[] y = NetUtil.createByteArrayFromIpAddressString(b);
        return x != null && y != null && Arrays.equals(Cidr.unmapped(x), Cidr.unmapped(y));
    }
}
