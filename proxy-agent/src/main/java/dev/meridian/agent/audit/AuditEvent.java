package dev.meridian.agent.audit;

import dev.meridian.agent.core.UserInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One {@code audit.k8s.io/v1} Event at level Metadata, written when the response completes.
 * {@code user} is null when the request was refused before authentication succeeded;
 * {@code impersonatedUser} is the identity a trusted front proxy asked for, null otherwise.
 */
public record AuditEvent(
        String auditId,
        String requestUri,
        RequestInfo info,
        UserInfo user,
        UserInfo impersonatedUser,
        List<String> sourceIps,
        String userAgent,
        int responseCode,
        Instant requestReceived,
        Instant completed) {

    static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public AuditEvent {
        sourceIps = List.copyOf(sourceIps);
    }

    /** This event as one line of JSON: the {@code audit.k8s.io/v1} Event JSON, written straight to text. */
    public String encode() {
        Utf8Buffer out = new Utf8Buffer(512);
        AuditJson.append(this, out);
        return out.toString();
    }
}
