package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A whole answer to one request: status, content type and body. */
record Reply(int status, String contentType, Buffer body) {
    static final String LIMIT = "Meridian sandbox limit: ";

    static Reply json(int status, Object tree) {
        return new Reply(status, "application/json", Buffer.buffer(Serialization.asJson(tree)));
    }

    /** A {@code Status} failure as the API server words them. */
    static Reply failure(int code, String reason, String message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", Map.of());
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return json(code, status);
    }

    /** A refused patch or apply; an apply conflict lists each field and its manager as causes. */
    static Reply refused(PatchException refusal) {
        Reply reply = failure(refusal.code(), refusal.reason(), refusal.getMessage());
        if (!(refusal instanceof ApplyConflict conflict)) {
            return reply;
        }
        Map<String, Object> status = new LinkedHashMap<>(reply.object());
        status.put(
                "details",
                Map.of(
                        "causes",
                        conflict.conflicts().stream()
                                .map(c -> Map.of(
                                        "reason",
                                        "FieldManagerConflict",
                                        "message",
                                        "conflict with " + c.manager(),
                                        "field",
                                        c.field()))
                                .toList()));
        return json(refusal.code(), status);
    }

    /** A failure for what the simulated server cannot do, naming the sandbox limit. */
    static Reply limit(int code, String reason, String message) {
        return failure(code, reason, LIMIT + message);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object, or null when it is none (a Status is one too). */
    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
        // the store answers JSON without always saying so; anything else is not an object
        if (body == null || body.length() == 0 || body.getByte(0) != '{') {
            return null;
        }
        try {
            return Serialization.unmarshal(body.toString(), Map.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
