package dev.meridian.agent.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 request as the fuzzer writes it: request line, raw header lines and raw body bytes
 * (already framed: a chunked body is written chunk by chunk), so mutations can break any of them.
 * {@code after} says what the client does once the request is sent (an upgrade waits for its 101).
 */
final class Http1Request {
    enum After {
        NOTHING,
        UPGRADE,
        WATCH
    }

    String method;
    String target;
    String version = "HTTP/1.1";
    final List<String> headers = new ArrayList<>();
    byte[] body = new byte[0];
    After after = After.NOTHING;
    /** Whether the agent answers it itself (health, readiness, preflight): no audit event. */
    boolean anonymous;

    Http1Request(String method, String target) {
        this.method = method;
        this.target = target;
    }

    Http1Request header(String line) {
        headers.add(line);
        return this;
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
    }

    void removeHeader(String name) {
        headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
    }

    Http1Request lengthBody(String text) {
        body = text.getBytes(StandardCharsets.ISO_8859_1);
        return header("Content-Length: " + body.length);
    }

    /** A chunked body: each part one chunk, then the last chunk and an empty trailer. */
    Http1Request chunkedBody(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            b.append(Integer.toHexString(part.length()))
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        body = b.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return header("Transfer-Encoding: chunked");
    }

    byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(' ')
                .append(version)
                .append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
