package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException.InvalidInput;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The value of {@link Annotations#ENDPOINT}: a DNS name (RFC 1123) or an IP address, with an
 * optional port; never a scheme or a path.
 */
public record HostPort(String host, OptionalInt port) {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    public HostPort {
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port.getAsInt());
        }
    }

    /** The result of reading what a user typed: the endpoint and, when it was rewritten, what we did. */
    public record Parsed(HostPort hostPort, Optional<String> notice) {}

    /**
     * Reads an endpoint a user typed or pasted. A URL such as {@code https://host:8443/kubernetes/cluster}
     * is reduced to {@code host:8443} and the notice says so; anything else must already be host[:port].
     */
    public static Parsed parseUserInput(String raw) {
        String value = raw == null ? "" : raw.strip();
        int scheme = value.indexOf("://");
        if (scheme < 0) {
            return new Parsed(parse(value), Optional.empty());
        }
        String schemeName = value.substring(0, scheme).toLowerCase(Locale.ROOT);
        if (!schemeName.equals("https") && !schemeName.equals("http")) {
            throw new InvalidInput("Endpoint '" + raw + "' has the scheme '" + schemeName
                    + "://'; give the host and optional port of the HTTPS endpoint, e.g. agent.example.com:443.");
        }
        String rest = value.substring(scheme + 3);
        int cut = firstIndexOf(rest, "/?#");
        String authority = cut < 0 ? rest : rest.substring(0, cut);
        if (authority.contains("@")) {
            throw new InvalidInput("Endpoint URL '" + raw + "' carries user information; give only host[:port].");
        }
        HostPort hostPort = parse(authority);
        String notice = "Normalised '" + raw + "' to '" + hostPort + "': the endpoint is stored as host[:port], "
                + "and contexts always use https://" + hostPort + "/kubernetes/cluster.";
        if (schemeName.equals("http")) {
            notice += " Note: the endpoint is always reached over HTTPS.";
        }
        return new Parsed(hostPort, Optional.of(notice));
    }

    /** Reads host[:port] strictly, as stored in the annotation. */
    public static HostPort parse(String raw) {
        String value = raw == null ? "" : raw;
        if (value.isBlank()) {
            throw new InvalidInput("Endpoint is empty; give a host name or IP address, with an optional port.");
        }
        if (value.length() > 300) {
            throw new InvalidInput("Endpoint is " + value.length() + " characters long; a host name has at most 253.");
        }
        if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput("Endpoint '" + value + "' contains white space; give host[:port] only.");
        }
        if (value.contains("://")) {
            throw new InvalidInput("Endpoint '" + value + "' contains a URL scheme; it must be host[:port] only.");
        }
        if (firstIndexOf(value, "/?#@") >= 0) {
            throw new InvalidInput("Endpoint '" + value + "' contains a path, query or user part; "
                    + "give host[:port] only (contexts add /kubernetes/cluster themselves).");
        }
        if (value.startsWith("[")) {
            return parseBracketedIpv6(value);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
            throw new InvalidInput(
                    "Endpoint '" + value + "' looks like an IPv6 address: write it in brackets, e.g. [::1]:443.");
        }
        String host = colon < 0 ? value : value.substring(0, colon);
        OptionalInt port = colon < 0 ? OptionalInt.empty() : parsePort(value, value.substring(colon + 1));
        return new HostPort(validateHost(value, host.toLowerCase(Locale.ROOT)), port);
    }

    private static HostPort parseBracketedIpv6(String value) {
        int close = value.indexOf(']');
        if (close < 0) {
            throw new InvalidInput("Endpoint '" + value + "' opens '[' without closing it.");
        }
        String address = value.substring(1, close);
        if (!IPV6.matcher(address).matches() || !address.contains(":")) {
            throw new InvalidInput(
                    "Endpoint '" + value + "' has '" + address + "' in brackets, which is not an IPv6 address.");
        }
        String after = value.substring(close + 1);
        if (!after.isEmpty() && !after.startsWith(":")) {
            throw new InvalidInput("Endpoint '" + value + "' has unexpected text after the IPv6 address.");
        }
        OptionalInt port = after.isEmpty() ? OptionalInt.empty() : parsePort(value, after.substring(1));
        return new HostPort("[" + address.toLowerCase(Locale.ROOT) + "]", port);
    }

    private static OptionalInt parsePort(String value, String digits) {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw new InvalidInput(
                    "Endpoint '" + value + "' has the port '" + digits + "'; a port is a number from 1 to 65535.");
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    private static String validateHost(String value, String host) {
        if (IPV4.matcher(host).matches()) {
            return host;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            throw new InvalidInput("Endpoint '" + value + "' has no valid host name (1 to 253 characters).");
        }
        for (String label : name.split("\\.", -1)) {
            if (!dev.meridian.app.core.DnsLabels.isLabel(label)) {
                throw new InvalidInput("Endpoint '" + value + "' is not a valid DNS name: the label '" + label
                        + "' must be 1 to 63 letters, digits or '-', and start and end with a letter or digit.");
            }
        }
        if (name.matches("[0-9.]+")) {
            throw new InvalidInput("Endpoint '" + value + "' is neither a valid IPv4 address nor a DNS name.");
        }
        return name;
    }

    private static int firstIndexOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The base URL kube contexts use for this endpoint. */
    public String routeUrl() {
        return "https://" + this + "/kubernetes/cluster";
    }

    @Override
    public String toString() {
        return port.isPresent() ? host + ":" + port.getAsInt() : host;
    }
}
