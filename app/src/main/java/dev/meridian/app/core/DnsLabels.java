package dev.meridian.app.core;

import java.util.regex.Pattern;

/**
 * DNS labels (RFC 1123), the names Kubernetes gives namespaces and Meridian gives clusters: lower-case
 * letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.
 */
public final class DnsLabels {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** How a message says what a DNS label is. */
    public static final String RULE =
            "lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";

    private DnsLabels() {}

    public static boolean isLabel(String name) {
        return name != null && LABEL.matcher(name).matches();
    }
}
