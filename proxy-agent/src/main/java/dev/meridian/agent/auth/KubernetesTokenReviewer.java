package dev.meridian.agent.auth;

import dev.meridian.agent.forward.Upstream;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Reviews tokens by POSTing an {@code authentication.k8s.io/v1} TokenReview to the authority. */
public final class KubernetesTokenReviewer implements TokenReviewer {
    static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";

    private final Upstream authority;
    private final long timeoutMillis;

    public KubernetesTokenReviewer(Upstream authority, Duration timeout) {
        this.authority = authority;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public CompletionStage<Review> review(String token) {
        JsonObject review = new JsonObject()
                .put("apiVersion", "authentication.k8s.io/v1")
                .put("kind", "TokenReview")
                .put("spec", new JsonObject().put("token", token));
        Future<Review> outcome = ApiPost.send(authority, PATH, review, timeoutMillis)
                .map(answer -> interpret(answer.status(), answer.body()))
                .recover(e ->
                        Future.succeededFuture(new Review.Unavailable("token review call failed: " + e.getMessage())));
        return outcome.toCompletionStage();
    }

    static Review interpret(int status, String body) {
        if (status / 100 != 2) {
            return new Review.Unavailable("token review answered HTTP " + status);
        }
        JsonObject status0;
        try {
            status0 = new JsonObject(body).getJsonObject("status");
        } catch (RuntimeException e) {
            return new Review.Unavailable("token review answer is not JSON: " + e.getMessage());
        }
        if (status0 == null) {
            return new Review.Unavailable("token review answer has no status");
        }
        if (!status0.getBoolean("authenticated", false)) {
            return new Review.Rejected(status0.getString("error", "token not authenticated"));
        }
        JsonObject user = status0.getJsonObject("user", new JsonObject());
        String username = user.getString("username");
        if (username == null || username.isBlank()) {
            return new Review.Rejected("token review authenticated no username");
        }
        return new Review.Authenticated(new UserInfo(
                username,
                user.getString("uid"),
                strings(user.getJsonArray("groups")),
                extra(user.getJsonObject("extra"))));
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static Map<String, List<String>> extra(JsonObject extra) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (extra != null) {
            extra.forEach(e -> out.put(
                    e.getKey(),
                    e.getValue() instanceof JsonArray a ? strings(a) : List.of(String.valueOf(e.getValue()))));
        }
        return out;
    }
}
