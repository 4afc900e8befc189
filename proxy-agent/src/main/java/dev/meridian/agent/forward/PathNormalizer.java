package dev.meridian.agent.forward;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Brings a raw request path to one canonical form before routing, so that no spelling of a
 * path can reach what its canonical form could not: percent-escapes decoded (RFC 3986 2.1),
 * repeated slashes collapsed, dot segments removed (RFC 3986 5.2.4), then re-encoded.
 * Escaped slashes and backslashes, control characters, invalid escapes or UTF-8 and climbing
 * above the root are refused.
 */
public final class PathNormalizer {

    /** The outcome of normalising one path. */
    public sealed interface Result {
        record Normalized(String path) implements Result {}

        record Refused(String reason) implements Result {}
    }

    private PathNormalizer() {}

    public static Result normalize(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Result.Refused("path must be absolute");
        }
        return isCanonical(rawPath) ? new Result.Normalized(rawPath) : bySegments(rawPath);
    }

    /**
     * Whether {@code rawPath} is already its own canonical form, which is what nearly every
     * client sends: only pchar characters and single slashes, no escapes, no dot segments.
     * {@link #bySegments} would return it unchanged; this answers the same without taking it apart.
     */
    static boolean isCanonical(String rawPath) {
        int segmentStart = 1;
        for (int i = 1; i <= rawPath.length(); i++) {
            int c = i < rawPath.length() ? rawPath.charAt(i) : '/';
            if (c != '/') {
                if (c == '%' || !isPchar(c)) {
                    return false;
                }
                continue;
            }
            int length = i - segmentStart;
            boolean last = i == rawPath.length();
            if ((length == 0 && !last) || isDotSegment(rawPath, segmentStart, length)) {
                return false;
            }
            segmentStart = i + 1;
        }
        return true;
    }

    private static boolean isDotSegment(String s, int start, int length) {
        return (length == 1 && s.charAt(start) == '.')
                || (length == 2 && s.charAt(start) == '.' && s.charAt(start + 1) == '.');
    }

    static Result bySegments(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String rawSegment : rawPath.substring(1).split("/", -1)) {
            String segment;
            try {
                segment = decode(rawSegment);
            } catch (IllegalArgumentException e) {
                return new Result.Refused(e.getMessage());
            }
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                return new Result.Refused("encoded slash or backslash in path");
            }
            if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return new Result.Refused("control character in path");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return new Result.Refused("path climbs above the root");
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(segment);
        }
        StringBuilder out = new StringBuilder(rawPath.length());
        for (String s : segments) {
            out.append('/');
            encode(s, out);
        }
        boolean trailingSlash = rawPath.endsWith("/") && !segments.isEmpty();
        if (out.length() == 0 || trailingSlash) {
            out.append('/');
        }
        return new Result.Normalized(out.toString());
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()
                        || Character.digit(segment.charAt(i + 1), 16) < 0
                        || Character.digit(segment.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("invalid percent-escape in path");
                }
                bytes.write(
                        Character.digit(segment.charAt(i + 1), 16) * 16 + Character.digit(segment.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path escapes are not valid UTF-8");
        }
    }

    /** Keeps RFC 3986 pchar characters literal and percent-encodes everything else as UTF-8. */
    private static void encode(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isPchar(c)) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }

    private static boolean isPchar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }
}
