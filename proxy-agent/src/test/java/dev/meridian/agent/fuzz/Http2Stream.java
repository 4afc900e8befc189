package dev.meridian.agent.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One HTTP/2 request as the fuzzer writes it: its header fields in wire order (pseudo-headers
 * included, as any strings), its body, and what follows (trailers, a reset). Rendered to frames,
 * split into a head part and the rest so the client can pause in between.
 */
final class Http2Stream {
    int id;
    final List<String[]> fields = new ArrayList<>();
    byte[] body;
    /** Body frames end without END_STREAM: the request stays open (a reset or trailers follow, or nothing). */
    boolean open;
    /** Frames after the body, e.g. trailers or RST_STREAM. */
    final List<byte[]> tail = new ArrayList<>();
    /** The client waits between the head and the rest, so the agent forwards the request first. */
    boolean pauseBeforeTail;

    boolean watch;
    boolean anonymous;

    Http2Stream(int id) {
        this.id = id;
    }

    Http2Stream field(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    void remove(String name) {
        fields.removeIf(f -> f[0].equals(name));
    }

    String get(String name) {
        return fields.stream()
                .filter(f -> f[0].equals(name))
                .map(f -> f[1])
                .findFirst()
                .orElse(null);
    }

    void set(String name, String value) {
        for (String[] f : fields) {
            if (f[0].equals(name)) {
                f[1] = value;
                return;
            }
        }
        field(name, value);
    }

    byte[] head() {
        return Http2Wire.headers(id, fields, body == null && !open);
    }

    byte[] rest(SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body != null) {
            int pieces = body.length < 2 ? 1 : 1 + r.nextInt(3);
            int from = 0;
            for (int i = 1; i <= pieces; i++) {
                int to = i == pieces ? body.length : from + (body.length - from) / 2;
                out.writeBytes(Http2Wire.data(id, java.util.Arrays.copyOfRange(body, from, to), i == pieces && !open));
                from = to;
            }
        }
        tail.forEach(out::writeBytes);
        return out.toByteArray();
    }

    String plan() {
        StringBuilder s = new StringBuilder("stream ").append(id).append(": HEADERS[");
        for (String[] f : fields) {
            String v = f[1].length() > 80 ? f[1].substring(0, 40) + "...(" + f[1].length() + " chars)" : f[1];
            s.append(Escape.bytes(f[0].getBytes(StandardCharsets.ISO_8859_1)))
                    .append('=')
                    .append(Escape.bytes(v.getBytes(StandardCharsets.ISO_8859_1)))
                    .append(", ");
        }
        if (!fields.isEmpty()) {
            s.setLength(s.length() - 2);
        }
        s.append(']');
        if (body != null) {
            s.append(" DATA(").append(body.length).append(" bytes)");
        }
        s.append(open ? " (no END_STREAM)" : " END_STREAM");
        if (!tail.isEmpty()) {
            s.append(pauseBeforeTail ? " pause" : "")
                    .append(" +")
                    .append(tail.size())
                    .append(" frame(s)");
        }
        return s.toString();
    }
}
