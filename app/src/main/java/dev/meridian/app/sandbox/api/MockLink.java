package dev.meridian.app.sandbox.api;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Set;

/** Plain HTTP on loopback to the in-memory store (fabric8's CRUD mock) behind the front. */
final class MockLink implements AutoCloseable {
    /** Headers about the client's connection, not the request: the link has its own. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "content-length",
            "connection",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "te",
            "authorization");

    private final HttpClient client;
    private final int port;

    MockLink(Vertx vertx, int port) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(16));
        this.port = port;
    }

    Future<Reply> call(HttpMethod method, String uri, MultiMap headers, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI(uri);
        return client.request(options)
                .compose(request -> {
                    if (headers != null) {
                        headers.forEach((name, value) -> {
                            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                                request.headers().add(name, value);
                            }
                        });
                    }
                    return body == null ? request.send() : request.send(body);
                })
                .compose(response -> response.body()
                        .map(content -> new Reply(response.statusCode(), response.getHeader("Content-Type"), content)));
    }

    Future<Reply> get(String uri) {
        return call(HttpMethod.GET, uri, MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json"), null);
    }

    /** Writes a whole JSON object with the given verb. */
    Future<Reply> send(HttpMethod method, String uri, java.util.Map<String, Object> object) {
        return call(
                method,
                uri,
                MultiMap.caseInsensitiveMultiMap()
                        .add("Content-Type", "application/json")
                        .add("Accept", "application/json"),
                Buffer.buffer(io.fabric8.kubernetes.client.utils.Serialization.asJson(object)));
    }

    @Override
    public void close() {
        client.close();
    }
}
