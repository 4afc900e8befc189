package dev.meridian.app.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host name verification as kubectl (Go crypto/x509) does it: subject alternative names only, the
 * common name is ignored (Go 1.15+); a wildcard covers exactly one left-most label; IP literals match
 * IP SANs only (RFC 6125, RFC 2818).
 */
final class HostnameMatcher {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostnameMatcher() {}

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    static boolean matches(X509Certificate cert, String name) {
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sans == null) {
            return false;
        }
        String wanted = normalise(name);
        boolean ip = isIpLiteral(wanted);
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            if (ip && type == 7 && sameAddress(wanted, (String) san.get(1))) {
                return true;
            }
            if (!ip && type == 2 && dnsMatches(normalise((String) san.get(1)), wanted)) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String host) {
        if (pattern.equals(host)) {
            return true;
        }
        if (!pattern.startsWith("*.") || pattern.length() < 3) {
            return false;
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot).equals(pattern.substring(1));
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals, so no lookup happens.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
