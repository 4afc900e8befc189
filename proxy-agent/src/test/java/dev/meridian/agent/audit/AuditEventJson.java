package dev.meridian.agent.audit;

import dev.meridian.agent.core.UserInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An audit event as a JSON object built field by field with Vert.x's JSON: the reference that
 * {@link AuditEvent#encode()} (written straight to text) is checked against.
 */
public final class AuditEventJson {
    private AuditEventJson() {}

    /** {@code e} as a JSON object; {@link AuditEvent#encode()} writes the same content as text. */
    public static JsonObject of(AuditEvent e) {
        JsonObject event = new JsonObject()
                .put("kind", "Event")
                .put("apiVersion", "audit.k8s.io/v1")
                .put("level", "Metadata")
                .put("auditID", e.auditId())
                .put("stage", "ResponseComplete")
                .put("requestURI", e.requestUri())
                .put("verb", e.info().verb())
                .put("user", userJson(e.user()));
        if (e.impersonatedUser() != null) {
            event.put("impersonatedUser", userJson(e.impersonatedUser()));
        }
        event.put("sourceIPs", new JsonArray(List.copyOf(e.sourceIps())));
        if (e.userAgent() != null) {
            event.put("userAgent", e.userAgent());
        }
        if (e.info().isResourceRequest()) {
            JsonObject ref = new JsonObject().put("resource", e.info().resource());
            putIfPresent(ref, "namespace", e.info().namespace());
            putIfPresent(ref, "name", e.info().name());
            putIfPresent(ref, "subresource", e.info().subresource());
            putIfPresent(
                    ref,
                    "apiGroup",
                    e.info().apiGroup().isEmpty() ? null : e.info().apiGroup());
            putIfPresent(ref, "apiVersion", e.info().apiVersion());
            event.put("objectRef", ref);
        }
        return event.put(
                        "responseStatus",
                        new JsonObject().put("metadata", new JsonObject()).put("code", e.responseCode()))
                .put("requestReceivedTimestamp", AuditEvent.MICROS.format(e.requestReceived()))
                .put("stageTimestamp", AuditEvent.MICROS.format(e.completed()));
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
