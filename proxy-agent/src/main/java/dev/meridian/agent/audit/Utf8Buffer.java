package dev.meridian.agent.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growing line of UTF-8 bytes that audit events are encoded into, so the writer
 * thread goes from event to file bytes without a String and its re-encoding in between.
 * Lone surrogates become {@code ?}, as {@link String#getBytes} writes them.
 */
final class Utf8Buffer {
    private byte[] bytes;
    private int size;

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    void reset() {
        size = 0;
    }

    /** Drops what was appended after the first {@code length} bytes. */
    void truncate(int length) {
        size = length;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Appends bytes already encoded (the constant parts of a line). */
    Utf8Buffer raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /**
     * The text of the last whole second a timestamp was written for ({@code "yyyy-MM-ddTHH:mm:ss"}),
     * kept with the line being encoded because events come in time order: most share it.
     */
    long cachedSecond = Long.MIN_VALUE;

    final byte[] cachedSecondText = new byte[19];

    /** Appends text known to be ASCII (the JSON punctuation and field names). */
    Utf8Buffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    Utf8Buffer ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    Utf8Buffer decimal(long v) {
        return ascii(Long.toString(v));
    }

    /**
     * Appends the longest prefix of {@code s} that is printable ASCII and needs no JSON escape
     * (all of most strings: IDs, paths, names) in one pass, and returns its length.
     */
    int plainAscii(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = bytes;
        int at = size;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            b[at + i] = (byte) c;
        }
        size = at + i;
        return i;
    }

    /** Appends {@code s[from, to)} as UTF-8. */
    Utf8Buffer text(String s, int from, int to) {
        ensure((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
