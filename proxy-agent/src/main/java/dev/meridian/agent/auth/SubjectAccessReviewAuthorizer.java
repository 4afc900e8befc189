package dev.meridian.agent.auth;

import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.upstream.ApiPost;
import dev.meridian.agent.upstream.Upstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.node.ObjectNode;

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

    private final Duration timeout;

    public SubjectAccessReviewAuthorizer(Duration timeout) {
        this.timeout = timeout;
    }

    /** The resource attributes of one impersonation check; {@code subresource} and {@code namespace} may be null. */
    public record Attributes(String group, String resource, String subresource, String name, String namespace) {}

    @Override
    public CompletionStage<ImpersonationDecision> authorize(Upstream cluster, UserInfo caller, UserInfo target) {
        List<CompletableFuture<ImpersonationDecision>> checks = new ArrayList<>();
        for (Attributes attributes : attributesFor(target)) {
            checks.add(check(cluster, caller, attributes));
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(all -> {
            for (CompletableFuture<ImpersonationDecision> check : checks) {
                if (!(check.join() instanceof ImpersonationDecision.Allowed)) {
                    return check.join();
                }
            }
            return ImpersonationDecision.allowed();
        });
    }

    /** The resource attributes the API server authorizes for impersonating {@code target}. */
    public static List<Attributes> attributesFor(UserInfo target) {
        List<Attributes> out = new ArrayList<>();
        String user = target.username();
        String[] sa = user.startsWith(SERVICE_ACCOUNT_PREFIX)
                ? user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1)
                : null;
        if (sa != null && sa.length == 2 && !sa[0].isEmpty() && !sa[1].isEmpty()) {
            out.add(new Attributes("", "serviceaccounts", null, sa[1], sa[0]));
        } else {
            out.add(new Attributes("", "users", null, user, null));
        }
        target.groups().forEach(g -> out.add(new Attributes("", "groups", null, g, null)));
        if (target.uid() != null && !target.uid().isEmpty()) {
            out.add(new Attributes("authentication.k8s.io", "uids", null, target.uid(), null));
        }
        target.extra()
                .forEach((key, values) -> values.forEach(
                        v -> out.add(new Attributes("authentication.k8s.io", "userextras", key, v, null))));
        return out;
    }

    private CompletableFuture<ImpersonationDecision> check(Upstream cluster, UserInfo caller, Attributes attributes) {
        return ApiPost.send(cluster, PATH, review(caller, attributes).toString(), timeout)
                .handle((answer, error) -> error != null
                        ? new ImpersonationDecision.Unavailable(
                                "subject access review call failed: " + error.getMessage())
                        : interpret(answer.status(), answer.body(), caller, attributes));
    }

    static ObjectNode review(UserInfo caller, Attributes attributes) {
        ObjectNode review =
                Json.object().put("apiVersion", "authorization.k8s.io/v1").put("kind", "SubjectAccessReview");
        ObjectNode spec = review.putObject("spec").put("user", caller.username());
        spec.set("groups", Json.array(caller.groups()));
        ObjectNode resource = spec.putObject("resourceAttributes")
                .put("verb", "impersonate")
                .put("group", attributes.group())
                .put("resource", attributes.resource())
                .put("name", attributes.name());
        if (attributes.subresource() != null) {
            resource.put("subresource", attributes.subresource());
        }
        if (attributes.namespace() != null) {
            resource.put("namespace", attributes.namespace());
        }
        if (caller.uid() != null) {
            spec.put("uid", caller.uid());
        }
        if (!caller.extra().isEmpty()) {
            ObjectNode extra = spec.putObject("extra");
            caller.extra().forEach((k, v) -> extra.set(k, Json.array(v)));
        }
        return review;
    }

    static ImpersonationDecision interpret(int status, String body, UserInfo caller, Attributes attributes) {
        if (status / 100 != 2) {
            return new ImpersonationDecision.Unavailable("subject access review answered HTTP " + status);
        }
        boolean allowed;
        try {
            ObjectNode result = Json.object(Json.parseObject(body), "status");
            allowed = result != null && Json.bool(result, "allowed", false) && !Json.bool(result, "denied", false);
        } catch (RuntimeException e) {
            return new ImpersonationDecision.Unavailable("subject access review answer is not JSON: " + e.getMessage());
        }
        if (allowed) {
            return ImpersonationDecision.allowed();
        }
        String subresource = attributes.subresource();
        return new ImpersonationDecision.Denied(String.format(
                "%s cannot impersonate %s \"%s\"",
                caller.username(),
                attributes.resource() + (subresource == null ? "" : "/" + subresource),
                attributes.name()));
    }
}
