package dev.meridian.agent.audit;

import dev.meridian.agent.core.UserInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditEvent} as one line of JSON straight into UTF-8 bytes. It yields exactly
 * the bytes of {@code event.toJson().encode()} (same fields, order and escaping) without
 * building a tree of objects or a String first: at one event per request, the tree, the generic
 * encoder and then the String were a measurable share of the agent's CPU.
 */
final class AuditJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] START =
            ascii("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":");
    private static final byte[] STAGE = ascii(",\"stage\":\"ResponseComplete\",\"requestURI\":");
    private static final byte[] STATUS = ascii(",\"responseStatus\":{\"metadata\":{},\"code\":");
    private static final byte[] RECEIVED = ascii("},\"requestReceivedTimestamp\":");
    private static final byte[] STAGE_TIME = ascii(",\"stageTimestamp\":");

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private AuditJson() {}

    static void append(AuditEvent e, Utf8Buffer out) {
        out.raw(START);
        string(e.auditId(), out);
        out.raw(STAGE);
        string(e.requestUri(), out);
        out.ascii(",\"verb\":");
        string(e.info().verb(), out);
        out.ascii(",\"user\":");
        user(e.user(), out);
        if (e.impersonatedUser() != null) {
            out.ascii(",\"impersonatedUser\":");
            user(e.impersonatedUser(), out);
        }
        out.ascii(",\"sourceIPs\":");
        strings(e.sourceIps(), out);
        if (e.userAgent() != null) {
            out.ascii(",\"userAgent\":");
            string(e.userAgent(), out);
        }
        RequestInfo info = e.info();
        if (info.isResourceRequest()) {
            out.ascii(",\"objectRef\":{\"resource\":");
            string(info.resource(), out);
            field("namespace", info.namespace(), out);
            field("name", info.name(), out);
            field("subresource", info.subresource(), out);
            field("apiGroup", info.apiGroup().isEmpty() ? null : info.apiGroup(), out);
            field("apiVersion", info.apiVersion(), out);
            out.ascii('}');
        }
        out.raw(STATUS).decimal(e.responseCode()).raw(RECEIVED);
        timestamp(e.requestReceived(), out);
        out.raw(STAGE_TIME);
        timestamp(e.completed(), out);
        out.ascii('}');
    }

    private static void user(UserInfo user, Utf8Buffer out) {
        if (user == null) {
            out.ascii("{}");
            return;
        }
        out.ascii("{\"username\":");
        string(user.username(), out);
        field("uid", user.uid(), out);
        if (!user.groups().isEmpty()) {
            out.ascii(",\"groups\":");
            strings(user.groups(), out);
        }
        if (!user.extra().isEmpty()) {
            out.ascii(",\"extra\":{");
            boolean first = true;
            for (Map.Entry<String, List<String>> entry : user.extra().entrySet()) {
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.ascii(':');
                strings(entry.getValue(), out);
            }
            out.ascii('}');
        }
        out.ascii('}');
    }

    private static void field(String name, String value, Utf8Buffer out) {
        if (value != null) {
            out.ascii(",\"").ascii(name).ascii("\":");
            string(value, out);
        }
    }

    private static void strings(List<String> values, Utf8Buffer out) {
        out.ascii('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            string(values.get(i), out);
        }
        out.ascii(']');
    }

    /** RFC 8259 string: quote, backslash and control characters escaped as Jackson does; the rest verbatim. */
    static void string(String s, Utf8Buffer out) {
        out.ascii('"');
        int n = s.length();
        int i = out.plainAscii(s);
        int plain = i;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.text(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\t' -> out.ascii("\\t");
                case '\n' -> out.ascii("\\n");
                case '\f' -> out.ascii("\\f");
                case '\r' -> out.ascii("\\r");
                default -> out.ascii("\\u00").ascii(HEX[c >> 4]).ascii(HEX[c & 0xF]);
            }
        }
        out.text(s, plain, n).ascii('"');
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC, as {@link AuditEvent#MICROS} formats it. */
    static void timestamp(Instant t, Utf8Buffer out) {
        if (t.getEpochSecond() != out.cachedSecond) {
            LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
            if (d.getYear() < 1000 || d.getYear() > 9999) {
                out.ascii('"').ascii(AuditEvent.MICROS.format(t)).ascii('"');
                return;
            }
            int start = out.size();
            out.decimal(d.getYear()).ascii('-');
            two(d.getMonthValue(), out);
            out.ascii('-');
            two(d.getDayOfMonth(), out);
            out.ascii('T');
            two(d.getHour(), out);
            out.ascii(':');
            two(d.getMinute(), out);
            out.ascii(':');
            two(d.getSecond(), out);
            System.arraycopy(out.bytes(), start, out.cachedSecondText, 0, out.cachedSecondText.length);
            out.cachedSecond = t.getEpochSecond();
            out.truncate(start);
        }
        out.ascii('"').raw(out.cachedSecondText).ascii('.');
        int micros = t.getNano() / 1000;
        for (int div = 100_000; div > 0; div /= 10) {
            out.ascii((char) ('0' + micros / div % 10));
        }
        out.ascii("Z\"");
    }

    private static void two(int v, Utf8Buffer out) {
        out.ascii((char) ('0' + v / 10)).ascii((char) ('0' + v % 10));
    }
}
