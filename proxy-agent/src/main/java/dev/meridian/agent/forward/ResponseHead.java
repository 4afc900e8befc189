package dev.meridian.agent.forward;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A parsed HTTP/1.1 response head, read from a raw connection. */
record ResponseHead(int status, HttpHeaders headers) {
    /** As read: names and values are checked where they are copied ({@link HeaderRules}). */
    private static final DefaultHttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withNameValidation(false).withValueValidation(false);

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
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private byte[] rest = new byte[0];

        Reader(int max) {
            this.max = max;
        }

        /** The head once complete, else null; throws IllegalArgumentException on a malformed or oversized head. */
        ResponseHead feed(byte[] data) {
            pending.writeBytes(data);
            byte[] all = pending.toByteArray();
            int end = indexOfBlankLine(all);
            if (end < 0) {
                if (all.length > max) {
                    throw new IllegalArgumentException("response head larger than " + max + " bytes");
                }
                return null;
            }
            String text = new String(all, 0, end, StandardCharsets.ISO_8859_1);
            rest = Arrays.copyOfRange(all, end + 4, all.length);
            return parse(text);
        }

        byte[] rest() {
            return rest;
        }

        /** Every byte fed so far, the head included. */
        byte[] all() {
            return pending.toByteArray();
        }

        private static int indexOfBlankLine(byte[] b) {
            for (int i = 0; i + 3 < b.length; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
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
            HttpHeaders headers = HEADERS.newHeaders();
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
