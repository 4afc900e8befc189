package dev.meridian.agent.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP/2 frames written by hand (RFC 9113 4.1, 6), so a fuzz client can send what a real client
 * never would. Header blocks use HPACK literals without indexing and without Huffman coding
 * (RFC 7541 6.2.2): no compression state, so a mutated or dropped frame cannot desynchronise
 * the fuzzer's encoder, and any byte may go in a name or value, in any order.
 */
final class Http2Wire {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    static final int DATA = 0x0,
            HEADERS = 0x1,
            PRIORITY = 0x2,
            RST_STREAM = 0x3,
            SETTINGS = 0x4,
            PING = 0x6,
            GOAWAY = 0x7,
            WINDOW_UPDATE = 0x8,
            CONTINUATION = 0x9;
    static final int END_STREAM = 0x1, ACK = 0x1, END_HEADERS = 0x4, PADDED = 0x8, PRIORITY_FLAG = 0x20;
    static final int MAX_FRAME = 16_384;
    static final int CANCEL = 0x8;

    private Http2Wire() {}

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        byte[] f = new byte[9 + payload.length];
        f[0] = (byte) (payload.length >>> 16);
        f[1] = (byte) (payload.length >>> 8);
        f[2] = (byte) payload.length;
        f[3] = (byte) type;
        f[4] = (byte) flags;
        f[5] = (byte) ((stream >>> 24) & 0x7f);
        f[6] = (byte) (stream >>> 16);
        f[7] = (byte) (stream >>> 8);
        f[8] = (byte) stream;
        System.arraycopy(payload, 0, f, 9, payload.length);
        return f;
    }

    /** The client's opening: preface, SETTINGS (no push, large windows) and a large connection window. */
    static byte[] opening() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PREFACE);
        out.writeBytes(settings(0x2, 0, 0x4, 1 << 24));
        out.writeBytes(windowUpdate(0, 1 << 30));
        return out.toByteArray();
    }

    static byte[] settings(int... idValue) {
        byte[] p = new byte[idValue.length / 2 * 6];
        for (int i = 0; i < idValue.length; i += 2) {
            int o = i / 2 * 6;
            p[o] = (byte) (idValue[i] >>> 8);
            p[o + 1] = (byte) idValue[i];
            System.arraycopy(int32(idValue[i + 1]), 0, p, o + 2, 4);
        }
        return frame(SETTINGS, 0, 0, p);
    }

    static byte[] windowUpdate(int stream, int increment) {
        return frame(WINDOW_UPDATE, 0, stream, int32(increment));
    }

    static byte[] rst(int stream, int code) {
        return frame(RST_STREAM, 0, stream, int32(code));
    }

    static byte[] data(int stream, byte[] data, boolean endStream) {
        return frame(DATA, endStream ? END_STREAM : 0, stream, data);
    }

    static byte[] goaway(int lastStream, int code) {
        byte[] p = new byte[8];
        System.arraycopy(int32(lastStream), 0, p, 0, 4);
        System.arraycopy(int32(code), 0, p, 4, 4);
        return frame(GOAWAY, 0, 0, p);
    }

    /** HEADERS, followed by CONTINUATION frames when the block exceeds the default frame size. */
    static byte[] headers(int stream, List<String[]> fields, boolean endStream) {
        byte[] block = block(fields);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int first = Math.min(block.length, MAX_FRAME);
        int flags = (endStream ? END_STREAM : 0) | (first == block.length ? END_HEADERS : 0);
        out.writeBytes(frame(HEADERS, flags, stream, java.util.Arrays.copyOfRange(block, 0, first)));
        for (int from = first; from < block.length; from += MAX_FRAME) {
            int to = Math.min(block.length, from + MAX_FRAME);
            out.writeBytes(frame(
                    CONTINUATION,
                    to == block.length ? END_HEADERS : 0,
                    stream,
                    java.util.Arrays.copyOfRange(block, from, to)));
        }
        return out.toByteArray();
    }

    static byte[] block(List<String[]> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] f : fields) {
            out.write(0x00);
            string(out, f[0]);
            string(out, f[1]);
        }
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        integer(out, b.length, 7, 0x00);
        out.writeBytes(b);
    }

    /** RFC 7541 5.1: an integer with an N-bit prefix. */
    private static void integer(ByteArrayOutputStream out, int value, int prefixBits, int firstByteFlags) {
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            out.write(firstByteFlags | value);
            return;
        }
        out.write(firstByteFlags | max);
        value -= max;
        while (value >= 0x80) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
