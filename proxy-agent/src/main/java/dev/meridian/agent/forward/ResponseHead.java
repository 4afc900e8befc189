package dev.meridian.agent.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** A parsed HTTP/1.1 response head, read from a raw connection. */
record ResponseHead(int status, MultiMap headers) {

    long contentLength() {
        String value = headers.get("content-length");
        if (value == null || headers.contains("transfer-encoding")) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Accumulates bytes until the blank line that ends the head; {@link #rest()} is what followed it. */
    static final class Reader {
        private final int max;
        private Buffer pending = Buffer.buffer();
        private Buffer rest = Buffer.buffer();

        Reader(int max) {
            this.max = max;
        }

        /** The head once complete, else null; throws IllegalArgumentException on a malformed or oversized head. */
        ResponseHead feed(Buffer data) {
            pending.appendBuffer(data);
            int end = indexOfBlankLine(pending);
            if (end < 0) {
                if (pending.length() > max) {
                    throw new IllegalArgumentException("response head larger than " + max + " bytes");
                }
                return null;
            }
            String text = pending.getString(0, end, StandardCharsets.ISO_8859_1.name());
            rest = pending.getBuffer(end + 4, pending.length());
            return parse(text);
        }

        Buffer rest() {
            return rest;
        }

        /** Every byte fed so far, the head included. */
        Buffer all() {
            return pending;
        }

        private static int indexOfBlankLine(Buffer b) {
            for (int i = 0; i + 3 < b.length(); i++) {
                if (b.getByte(i) == '\r'
                        && b.getByte(i + 1) == '\n'
                        && b.getByte(i + 2) == '\r'
                        && b.getByte(i + 3) == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static ResponseHead parse(String text) {
            String[] lines = text.split("\r\n");
            if (lines.length == 0 || !lines[0].startsWith("HTTP/1.") || lines[0].length() < 12) {
                throw new IllegalArgumentException("not an HTTP/1.x status line");
            }
            int status;
            try {
                status = Integer.parseInt(lines[0].substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad status code in '" + lines[0] + "'");
            }
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("bad header line");
                }
                headers.add(
                        lines[i].substring(0, colon).trim(),
                        lines[i].substring(colon + 1).trim());
            }
            return new ResponseHead(status, headers);
        }
    }
}
