package dev.meridian.agent.auth;

import dev.meridian.agent.forward.Upstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** A JSON POST to an API server with the agent's own credentials towards it: how reviews are asked. */
final class ApiPost {
    /** The answer's status code and body text. */
    record Answer(int status, String body) {}

    private ApiPost() {}

    /** POSTs {@code body} to {@code path} under the upstream's base path; fails on no answer within {@code timeoutMillis}. */
    static Future<Answer> send(Upstream upstream, String path, JsonObject body, long timeoutMillis) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + path)
                .setTimeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        upstream.credentials().bearerToken().ifPresent(t -> options.putHeader("Authorization", "Bearer " + t));
        return upstream.client()
                .request(options)
                .compose(req -> req.send(body.encode()))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toString())));
    }
}
