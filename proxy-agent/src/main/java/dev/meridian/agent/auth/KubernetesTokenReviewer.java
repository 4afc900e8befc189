package dev.meridian.agent.auth;

import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.upstream.ApiPost;
import dev.meridian.agent.upstream.Upstream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.node.ObjectNode;

/** Reviews tokens by POSTing an {@code authentication.k8s.io/v1} TokenReview to the authority. */
public final class KubernetesTokenReviewer implements TokenReviewer {
    static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";

    private final Upstream authority;
    private final Duration timeout;

    public KubernetesTokenReviewer(Upstream authority, Duration timeout) {
        this.authority = authority;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<Review> review(String token) {
        ObjectNode review =
                Json.object().put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenReview");
        review.putObject("spec").put("token", token);
        return ApiPost.send(authority, PATH, review.toString(), timeout).handle((answer, error) -> {
            if (error != null) {
                return new Review.Unavailable("token review call failed: " + error.getMessage());
            }
            try {
                return interpret(answer.status(), answer.body());
            } catch (RuntimeException e) {
                return new Review.Unavailable("token review call failed: " + e.getMessage());
            }
        });
    }

    static Review interpret(int status, String body) {
        if (status / 100 != 2) {
            return new Review.Unavailable("token review answered HTTP " + status);
        }
        ObjectNode status0;
        try {
            status0 = Json.object(Json.parseObject(body), "status");
        } catch (RuntimeException e) {
            return new Review.Unavailable("token review answer is not JSON: " + e.getMessage());
        }
        if (status0 == null) {
            return new Review.Unavailable("token review answer has no status");
        }
        if (!Json.bool(status0, "authenticated", false)) {
            return new Review.Rejected(Json.string(status0, "error", "token not authenticated"));
        }
        ObjectNode user = Json.object(status0, "user");
        String username = user == null ? null : Json.string(user, "username", null);
        if (username == null || username.isBlank()) {
            return new Review.Rejected("token review authenticated no username");
        }
        return new Review.Authenticated(
                new UserInfo(username, Json.string(user, "uid", null), Json.strings(user.get("groups")), extra(user)));
    }

    private static Map<String, List<String>> extra(ObjectNode user) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ObjectNode extra = Json.object(user, "extra");
        if (extra != null) {
            extra.properties().forEach(e -> out.put(e.getKey(), Json.strings(e.getValue())));
        }
        return out;
    }
}
