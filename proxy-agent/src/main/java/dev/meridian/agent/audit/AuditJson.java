package dev.meridian.agent.audit;

import dev.meridian.agent.auth.UserInfo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditEvent} as one line of JSON straight into a buffer. It yields exactly
 * the text of {@code event.toJson().encode()} (same fields, order and escaping) without
 * building a tree of objects first: at one event per request, the tree and the generic
 * encoder were a measurable share of the agent's CPU.
 */
final class AuditJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AuditJson() {
    }

    static void append(AuditEvent e, StringBuilder out) {
        out.append("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":");
        string(e.auditId(), out);
        out.append(",\"stage\":\"ResponseComplete\",\"requestURI\":");
        string(e.requestUri(), out);
        out.append(",\"verb\":");
        string(e.info().verb(), out);
        out.append(",\"user\":");
        user(e.user(), out);
        if (e.impersonatedUser() != null) {
            out.append(",\"impersonatedUser\":");
            user(e.impersonatedUser(), out);
        }
        out.append(",\"sourceIPs\":");
        strings(e.sourceIps(), out);
        if (e.userAgent() != null) {
            out.append(",\"userAgent\":");
            string(e.userAgent(), out);
        }
        RequestInfo info = e.info();
        if (info.isResourceRequest()) {
            out.append(",\"objectRef\":{\"resource\":");
            string(info.resource(), out);
            field("namespace", info.namespace(), out);
            field("name", info.name(), out);
            field("subresource", info.subresource(), out);
            field("apiGroup", info.apiGroup().isEmpty() ? null : info.apiGroup(), out);
            field("apiVersion", info.apiVersion(), out);
            out.append('}');
        }
        out.append(",\"responseStatus\":{\"metadata\":{},\"code\":").append(e.responseCode())
                .append("},\"requestReceivedTimestamp\":");
        timestamp(e.requestReceived(), out);
        out.append(",\"stageTimestamp\":");
        timestamp(e.completed(), out);
        out.append('}');
    }

    private static void user(UserInfo user, StringBuilder out) {
        if (user == null) {
            out.append("{}");
            return;
        }
        out.append("{\"username\":");
        string(user.username(), out);
        field("uid", user.uid(), out);
        if (!user.groups().isEmpty()) {
            out.append(",\"groups\":");
            strings(user.groups(), out);
        }
        if (!user.extra().isEmpty()) {
            out.append(",\"extra\":{");
            boolean first = true;
            for (Map.Entry<String, List<String>> entry : user.extra().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                strings(entry.getValue(), out);
            }
            out.append('}');
        }
        out.append('}');
    }

    private static void field(String name, String value, StringBuilder out) {
        if (value != null) {
            out.append(",\"").append(name).append("\":");
            string(value, out);
        }
    }

    private static void strings(List<String> values, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i), out);
        }
        out.append(']');
    }

    /** RFC 8259 string: quote, backslash and control characters escaped as Jackson does; the rest verbatim. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        int plain = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plain, n).append('"');
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC, as {@link AuditEvent#MICROS} formats it. */
    static void timestamp(Instant t, StringBuilder out) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            out.append('"').append(AuditEvent.MICROS.format(t)).append('"');
            return;
        }
        out.append('"').append(d.getYear()).append('-');
        two(d.getMonthValue(), out);
        out.append('-');
        two(d.getDayOfMonth(), out);
        out.append('T');
        two(d.getHour(), out);
        out.append(':');
        two(d.getMinute(), out);
        out.append(':');
        two(d.getSecond(), out);
        out.append('.');
        int micros = d.getNano() / 1000;
        for (int div = 100_000; div > 0; div /= 10) {
            out.append((char) ('0' + micros / div % 10));
        }
        out.append("Z\"");
    }

    private static void two(int v, StringBuilder out) {
        out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
