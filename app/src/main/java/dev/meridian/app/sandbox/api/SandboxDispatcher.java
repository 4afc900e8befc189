package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;

/**
 * Sits inside the store, before fabric8's CRUD mock: answers discovery, and refuses at once the
 * OpenAPI v2 document the mock does not have. (Protobuf, apply, strategic merge patch and
 * watches never reach it: {@link ApiFront} handles them.) It has no RBAC, and says so to access reviews: every one is allowed (an agent asks them
 * before honouring the central gateway's impersonation; {@code kubectl auth can-i} asks too).
 */
final class SandboxDispatcher extends Dispatcher {
    static final String LIMIT = "Meridian sandbox limit: ";

    private final Dispatcher crud;

    SandboxDispatcher(Dispatcher crud) {
        this.crud = crud;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String pathAndQuery = request.getPath();
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        String discovery = "GET".equals(request.getMethod()) ? Discovery.document(path, ApiResources.ALL) : null;
        if (discovery != null) {
            return json(200, discovery);
        }
        if ("POST".equals(request.getMethod()) && isAccessReview(path)) {
            return accessReviewAllowed(request.getUtf8Body());
        }
        if (path.startsWith("/openapi")) {
            return status(
                    404, "NotFound", "the simulated API server publishes OpenAPI v3 operations only, no v2 schema.");
        }
        return crud.dispatch(request);
    }

    private static boolean isAccessReview(String path) {
        return path.equals("/apis/authorization.k8s.io/v1/subjectaccessreviews")
                || path.equals("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
    }

    @SuppressWarnings("unchecked")
    private static MockResponse accessReviewAllowed(String body) {
        Map<String, Object> review;
        try {
            review = new java.util.LinkedHashMap<>(Serialization.unmarshal(body, Map.class));
        } catch (RuntimeException e) {
            return status(400, "BadRequest", "the access review is not JSON: " + e.getMessage());
        }
        review.put("status", Map.of("allowed", true, "reason", "the simulated API server has no RBAC"));
        return json(201, Serialization.asJson(review));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    private static MockResponse status(int code, String reason, String message) {
        return json(
                code,
                Serialization.asJson(Map.of(
                        "kind",
                        "Status",
                        "apiVersion",
                        "v1",
                        "metadata",
                        Map.of(),
                        "status",
                        "Failure",
                        "reason",
                        reason,
                        "code",
                        code,
                        "message",
                        LIMIT + message)));
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
