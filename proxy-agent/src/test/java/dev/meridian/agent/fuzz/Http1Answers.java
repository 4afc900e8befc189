package dev.meridian.agent.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits what an agent sent on an HTTP/1.1 connection into answers: heads framed by their
 * Content-Length or chunked body; an answer to HEAD is recognised by the next status line
 * following its head at once. Parsing stops at a 101 (the rest is the upgraded protocol's).
 */
final class Http1Answers {
    private Http1Answers() {}

    /** The answers, and what was cut short ("" when nothing was): a body shorter than its length or chunks. */
    record Parsed(List<Outcome.Answer> answers, String truncated) {}

    static Parsed parse(byte[] b) {
        List<Outcome.Answer> answers = new ArrayList<>();
        String truncated = "";
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int p = 0;
        while (p < s.length()) {
            int start = s.indexOf("HTTP/1.", p);
            int headEnd = start < 0 ? -1 : s.indexOf("\r\n\r\n", start);
            if (headEnd < 0 || start + 12 > s.length()) {
                break;
            }
            String head = s.substring(start, headEnd);
            int status = status(head);
            p = headEnd + 4;
            if (status < 0) {
                continue;
            }
            if (status == 101) {
                answers.add(new Outcome.Answer(101, false));
                break;
            }
            if (status < 200) {
                continue;
            }
            answers.add(
                    new Outcome.Answer(status, head.toLowerCase(Locale.ROOT).contains("access-control-allow-origin")));
            if (s.startsWith("HTTP/1.", p) || status == 204 || status == 304) {
                continue;
            }
            long length = contentLength(head);
            if (isChunked(head)) {
                p = skipChunks(s, p);
                if (p < 0) {
                    truncated = "the chunked body of the " + status + " answer ends early";
                    break;
                }
            } else if (length >= 0) {
                if (p + length > s.length()) {
                    truncated =
                            "the " + status + " answer has " + (s.length() - p) + " of its " + length + " body bytes";
                }
                p = (int) Math.min(s.length(), p + length);
            } else {
                break;
            }
        }
        return new Parsed(answers, truncated);
    }

    private static int status(String head) {
        if (head.length() < 12 || head.charAt(8) != ' ') {
            return -1;
        }
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static long contentLength(String head) {
        String v = header(head, "Content-Length");
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isChunked(String head) {
        String v = header(head, "Transfer-Encoding");
        return v != null && v.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The position after a chunked body, where the chunks stop making sense, or -1 when they end early. */
    private static int skipChunks(String s, int p) {
        while (p < s.length()) {
            int eol = s.indexOf("\r\n", p);
            if (eol < 0) {
                return -1;
            }
            int size;
            try {
                size = Integer.parseInt(s.substring(p, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return p;
            }
            p = eol + 2;
            if (size == 0) {
                int end = s.indexOf("\r\n\r\n", eol);
                return end < 0 ? -1 : end + 4;
            }
            p += size + 2;
        }
        return -1;
    }
}
