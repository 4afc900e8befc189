package dev.meridian.agent.http;

/**
 * A request target as it may be logged or audited: the value of every credential-like query
 * parameter is replaced by {@value #REDACTED}, and everything else is kept character for character.
 * The request itself is forwarded unchanged; only what the agent writes down is redacted.
 *
 * <p>A parameter name is credential-like when, ASCII letters compared without case, {@code -} read
 * as {@code _} and percent-escapes decoded (the way servers read it: {@code %61ccess_token} is
 * {@code access_token}), it
 * <ul>
 *   <li>is one of {@code sig}, {@code code}, {@code key}, {@code jwt}, {@code auth},
 *       {@code authorization} (SAS and signed URLs, OAuth codes, API keys), or</li>
 *   <li>ends in {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code signature},
 *       {@code credential}, {@code assertion}, {@code apikey} or {@code api_key}: so
 *       {@code access_token}, {@code id_token}, {@code refresh_token}, {@code client_secret},
 *       {@code X-Amz-Signature}, {@code X-Amz-Security-Token}, {@code clientAssertion} and
 *       {@code x-api-key} all are.</li>
 * </ul>
 * Parameters are separated by {@code &} or {@code ;} (older servers split on both). An empty value
 * stays empty. No Kubernetes API parameter ({@code watch}, {@code continue}, {@code labelSelector}…)
 * matches.
 *
 * <p>This runs for every audited request: a target without a query costs one {@code indexOf}, and
 * a query without a credential-like name a few character comparisons per name and no allocation.
 */
public final class UriRedaction {
    public static final String REDACTED = "REDACTED";

    /** Whole names, lower case with {@code _} for {@code -}. */
    private static final String[] NAMES = {"sig", "code", "key", "jwt", "auth", "authorization"};
    /** Endings of names, likewise. */
    private static final String[] ENDINGS = {
        "token", "secret", "password", "passwd", "signature", "credential", "assertion", "apikey", "api_key"
    };

    private UriRedaction() {}

    /** {@code uri} itself when nothing in it is credential-like, else a copy with those values redacted. */
    public static String redact(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : redactQuery(uri, q + 1);
    }

    private static String redactQuery(String uri, int from) {
        StringBuilder out = null;
        int copied = 0;
        int n = uri.length();
        for (int start = from; start < n; ) {
            int end = start;
            int eq = -1;
            for (char c; end < n && (c = uri.charAt(end)) != '&' && c != ';'; end++) {
                if (c == '=' && eq < 0) {
                    eq = end;
                }
            }
            if (eq > start && eq + 1 < end && isCredentialName(uri, start, eq)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(uri, copied, eq + 1).append(REDACTED);
                copied = end;
            }
            start = end + 1;
        }
        return out == null ? uri : out.append(uri, copied, n).toString();
    }

    /** Whether the name {@code s[from, to)} is credential-like (see the class comment). */
    static boolean isCredentialName(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                String decoded = decode(s, from, to);
                return matches(decoded, 0, decoded.length());
            }
        }
        return matches(s, from, to);
    }

    private static boolean matches(CharSequence s, int from, int to) {
        int length = to - from;
        for (String name : NAMES) {
            if (name.length() == length && regionMatches(s, from, name)) {
                return true;
            }
        }
        for (String ending : ENDINGS) {
            if (ending.length() <= length && regionMatches(s, to - ending.length(), ending)) {
                return true;
            }
        }
        return false;
    }

    /** Compares from the end: most names differ from an ending in their last character. */
    private static boolean regionMatches(CharSequence s, int at, String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            if (fold(s.charAt(at + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '-' ? '_' : c;
    }

    /**
     * Percent-escapes and {@code +} decoded as a server decodes a query name; a broken escape is
     * kept as it is, and a byte outside ASCII becomes a character no name contains.
     */
    private static String decode(CharSequence s, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int b = c == '%' && i + 2 < to ? hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)) : -1;
            if (b >= 0) {
                out.append(b < 0x80 ? (char) b : '\uFFFD');
                i += 2;
            } else {
                out.append(c == '+' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** The value of an ASCII hex digit, else -256: negative still once shifted by 4 and or-ed with a digit. */
    private static int hex(char c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -256;
    }
}
