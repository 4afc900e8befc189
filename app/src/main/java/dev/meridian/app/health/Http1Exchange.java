package dev.meridian.app.health;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code GET} over HTTP/1.1 on an established TLS socket, with {@code Connection: close}.
 * Reads the status line, the headers and the (bounded) body so that "total" covers the whole answer.
 *
 * <p>The prober offers only {@code http/1.1} in ALPN: the point is to time DNS, connect, handshake and
 * first byte on one connection, and the JDK HttpClient cannot take over a socket we handshook ourselves
 * (it would open a second connection with a second handshake, doubling the load on every endpoint and
 * timing something else). Speaking h2 would need HPACK and framing for one tiny GET. The agent, nginx
 * ingress and kube-apiserver all serve /healthz over HTTP/1.1.
 */
final class Http1Exchange {
    static final String USER_AGENT = "meridian-probe";
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64 * 1024;
    private static final long MAX_BODY = 1024 * 1024;

    record Response(String version, int status, String reason) {}

    /** Told when the first byte of the response arrives. */
    interface FirstByteListener {
        void firstByte();
    }

    private Http1Exchange() {}

    static Response get(InputStream rawIn, OutputStream out, ProbeTarget target, FirstByteListener listener)
            throws IOException {
        String request = "GET " + target.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();

        InputStream in = new BufferedInputStream(rawIn);
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the server closed the connection without answering");
        }
        listener.firstByte();
        Response response = parseStatusLine((char) first + readLine(in));
        long contentLength = -1;
        boolean chunked = false;
        int headerBytes = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            headerBytes += line.length();
            if (headerBytes > MAX_HEADERS) {
                throw new ProtocolException("response headers exceed " + MAX_HEADERS + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed response header: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = parseLength(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        if (chunked) {
            skipChunked(in);
        } else if (contentLength >= 0) {
            skip(in, Math.min(contentLength, MAX_BODY), true);
        } else {
            skip(in, MAX_BODY, false);
        }
        return response;
    }

    static Response parseStatusLine(String line) throws ProtocolException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new ProtocolException("not an HTTP response: " + abbreviate(line));
        }
        try {
            int status = Integer.parseInt(parts[1]);
            if (status < 100 || status > 999) {
                throw new ProtocolException("invalid HTTP status: " + abbreviate(line));
            }
            return new Response(parts[0], status, parts.length == 3 ? parts[2].trim() : "");
        } catch (NumberFormatException e) {
            throw new ProtocolException("invalid HTTP status: " + abbreviate(line));
        }
    }

    private static long parseLength(String value) throws ProtocolException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProtocolException("invalid Content-Length: " + value);
        }
    }

    private static void skipChunked(InputStream in) throws IOException {
        long total = 0;
        while (total <= MAX_BODY) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("invalid chunk size: " + abbreviate(sizeLine));
            }
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers are not needed
                }
                return;
            }
            skip(in, size, true);
            readLine(in);
            total += size;
        }
    }

    private static void skip(InputStream in, long count, boolean exact) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (exact) {
                    throw new EOFException("the response body ended early");
                }
                return;
            }
            left -= n;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the response ended in the middle of a line");
            }
            if (line.size() >= MAX_LINE) {
                throw new ProtocolException("response line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
