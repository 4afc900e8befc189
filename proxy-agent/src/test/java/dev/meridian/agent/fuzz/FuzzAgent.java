package dev.meridian.agent.fuzz;

import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.testing.AgentHarness;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;

/**
 * The agent the fuzz tests talk to: on one event loop (so a request after a case follows
 * everything the case left to read), not waiting for leaked requests when it stops; its upstream
 * also serves a watch that sends one event and stays open until the agent leaves, and refuses
 * exec and port-forward of pod {@link Corpus#DENIED_POD}.
 */
final class FuzzAgent {
    static final String REFUSAL =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"pods \\\"denied\\\" is"
                    + " forbidden: User \\\"alice\\\" cannot create resource \\\"pods/exec\\\"\",\"reason\":\"Forbidden\",\"code\":403}";

    private FuzzAgent() {}

    static AgentHarness start(ServerTls tls) throws Exception {
        AgentHarness h = new AgentHarness(b -> b.tls(tls).eventLoops(1).shutdownGrace(Duration.ofMillis(100)));
        h.upstream.on(Corpus.WATCH_PATH, FuzzAgent::watch);
        for (String ns : Corpus.NAMESPACES) {
            for (String action : List.of("exec", "portforward")) {
                h.upstream.on(
                        "/api/v1/namespaces/" + ns + "/pods/" + Corpus.DENIED_POD + "/" + action, FuzzAgent::refuse);
            }
        }
        return h;
    }

    private static void watch(HttpServerRequest req) {
        if (req.method() == HttpMethod.HEAD) {
            // As the API server: a HEAD is answered at once, it opens no watch.
            req.response().putHeader("Content-Type", "application/json").end();
            return;
        }
        HttpServerResponse out = req.response().setChunked(true).putHeader("Content-Type", "application/json");
        out.write("{" + Corpus.WATCH_EVENT + ",\"object\":{\"metadata\":{\"name\":\"fuzz\"}}}\n");
    }

    /** As the API server refuses an exec its RBAC denies: 403 and a Status, head and body in one write. */
    private static void refuse(HttpServerRequest req) {
        req.response()
                .setStatusCode(403)
                .putHeader("Content-Type", "application/json")
                .end(REFUSAL);
    }
}
