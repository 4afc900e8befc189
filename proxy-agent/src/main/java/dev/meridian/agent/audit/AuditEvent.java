package dev.meridian.agent.audit;

import dev.meridian.agent.auth.UserInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

    /** This event as one line of JSON: the same text as {@code toJson().encode()}, built more cheaply. */
    public String encode() {
        Utf8Buffer out = new Utf8Buffer(512);
        AuditJson.append(this, out);
        return out.toString();
    }

    /** This event as a JSON object; {@link #encode()} writes the same content as text. */
    public JsonObject toJson() {
        JsonObject event = new JsonObject()
                .put("kind", "Event")
                .put("apiVersion", "audit.k8s.io/v1")
                .put("level", "Metadata")
                .put("auditID", auditId)
                .put("stage", "ResponseComplete")
                .put("requestURI", requestUri)
                .put("verb", info.verb())
                .put("user", userJson(user));
        if (impersonatedUser != null) {
            event.put("impersonatedUser", userJson(impersonatedUser));
        }
        event.put("sourceIPs", new JsonArray(List.copyOf(sourceIps)));
        if (userAgent != null) {
            event.put("userAgent", userAgent);
        }
        if (info.isResourceRequest()) {
            JsonObject ref = new JsonObject().put("resource", info.resource());
            putIfPresent(ref, "namespace", info.namespace());
            putIfPresent(ref, "name", info.name());
            putIfPresent(ref, "subresource", info.subresource());
            putIfPresent(ref, "apiGroup", info.apiGroup().isEmpty() ? null : info.apiGroup());
            putIfPresent(ref, "apiVersion", info.apiVersion());
            event.put("objectRef", ref);
        }
        return event.put(
                        "responseStatus",
                        new JsonObject().put("metadata", new JsonObject()).put("code", responseCode))
                .put("requestReceivedTimestamp", MICROS.format(requestReceived))
                .put("stageTimestamp", MICROS.format(completed));
    }

    private static JsonObject userJson(UserInfo user) {
        if (user == null) {
            return new JsonObject();
        }
        JsonObject u = new JsonObject().put("username", user.username());
        putIfPresent(u, "uid", user.uid());
        if (!user.groups().isEmpty()) {
            u.put("groups", new JsonArray(List.copyOf(user.groups())));
        }
        if (!user.extra().isEmpty()) {
            JsonObject extra = new JsonObject();
            user.extra().forEach((k, v) -> extra.put(k, new JsonArray(List.copyOf(v))));
            u.put("extra", extra);
        }
        return u;
    }

    private static void putIfPresent(JsonObject o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
