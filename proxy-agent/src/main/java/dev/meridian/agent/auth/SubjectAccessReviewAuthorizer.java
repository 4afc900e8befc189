package dev.meridian.agent.auth;

import dev.meridian.agent.forward.Upstream;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Asks an API server, with one {@code authorization.k8s.io/v1} SubjectAccessReview per
 * attribute, whether a caller may impersonate a target: the same checks the API server makes
 * for {@code Impersonate-*} headers (verb {@code impersonate} on {@code users} or
 * {@code serviceaccounts}, each of {@code groups}, {@code authentication.k8s.io} {@code uids}
 * and {@code userextras/<key>}). Every check must allow; the first refusal is the reason.
 */
public final class SubjectAccessReviewAuthorizer implements ImpersonationAuthorizer {
    static final String PATH = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
    private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

    private final long timeoutMillis;

    public SubjectAccessReviewAuthorizer(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public CompletionStage<ImpersonationDecision> authorize(Upstream cluster, UserInfo caller, UserInfo target) {
        List<Future<ImpersonationDecision>> checks = new ArrayList<>();
        for (JsonObject attributes : attributesFor(target)) {
            checks.add(check(cluster, caller, attributes));
        }
        return Future.all(checks)
                .map(all -> {
                    for (Future<ImpersonationDecision> check : checks) {
                        if (!(check.result() instanceof ImpersonationDecision.Allowed)) {
                            return check.result();
                        }
                    }
                    return ImpersonationDecision.allowed();
                })
                .toCompletionStage();
    }

    /** The resource attributes the API server authorizes for impersonating {@code target}. */
    public static List<JsonObject> attributesFor(UserInfo target) {
        List<JsonObject> out = new ArrayList<>();
        String user = target.username();
        String[] sa = user.startsWith(SERVICE_ACCOUNT_PREFIX)
                ? user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1)
                : null;
        if (sa != null && sa.length == 2 && !sa[0].isEmpty() && !sa[1].isEmpty()) {
            out.add(resource("", "serviceaccounts", null, sa[1]).put("namespace", sa[0]));
        } else {
            out.add(resource("", "users", null, user));
        }
        target.groups().forEach(g -> out.add(resource("", "groups", null, g)));
        if (target.uid() != null && !target.uid().isEmpty()) {
            out.add(resource("authentication.k8s.io", "uids", null, target.uid()));
        }
        target.extra()
                .forEach((key, values) ->
                        values.forEach(v -> out.add(resource("authentication.k8s.io", "userextras", key, v))));
        return out;
    }

    private static JsonObject resource(String group, String resource, String subresource, String name) {
        JsonObject a = new JsonObject()
                .put("verb", "impersonate")
                .put("group", group)
                .put("resource", resource)
                .put("name", name);
        return subresource == null ? a : a.put("subresource", subresource);
    }

    private Future<ImpersonationDecision> check(Upstream cluster, UserInfo caller, JsonObject attributes) {
        return ApiPost.send(cluster, PATH, review(caller, attributes), timeoutMillis)
                .map(answer -> interpret(answer.status(), answer.body(), caller, attributes))
                .recover(e -> Future.succeededFuture(
                        new ImpersonationDecision.Unavailable("subject access review call failed: " + e.getMessage())));
    }

    static JsonObject review(UserInfo caller, JsonObject attributes) {
        JsonObject spec = new JsonObject()
                .put("user", caller.username())
                .put("groups", new JsonArray(List.copyOf(caller.groups())))
                .put("resourceAttributes", attributes);
        if (caller.uid() != null) {
            spec.put("uid", caller.uid());
        }
        if (!caller.extra().isEmpty()) {
            JsonObject extra = new JsonObject();
            caller.extra().forEach((k, v) -> extra.put(k, new JsonArray(List.copyOf(v))));
            spec.put("extra", extra);
        }
        return new JsonObject()
                .put("apiVersion", "authorization.k8s.io/v1")
                .put("kind", "SubjectAccessReview")
                .put("spec", spec);
    }

    static ImpersonationDecision interpret(int status, String body, UserInfo caller, JsonObject attributes) {
        if (status / 100 != 2) {
            return new ImpersonationDecision.Unavailable("subject access review answered HTTP " + status);
        }
        JsonObject result;
        try {
            result = new JsonObject(body).getJsonObject("status");
        } catch (RuntimeException e) {
            return new ImpersonationDecision.Unavailable("subject access review answer is not JSON: " + e.getMessage());
        }
        if (result != null && result.getBoolean("allowed", false) && !result.getBoolean("denied", false)) {
            return ImpersonationDecision.allowed();
        }
        String subresource = attributes.getString("subresource");
        return new ImpersonationDecision.Denied(String.format(
                "%s cannot impersonate %s \"%s\"",
                caller.username(),
                attributes.getString("resource") + (subresource == null ? "" : "/" + subresource),
                attributes.getString("name")));
    }
}
