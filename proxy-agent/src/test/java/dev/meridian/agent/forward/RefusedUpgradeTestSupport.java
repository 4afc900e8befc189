package dev.meridian.agent.forward;

import dev.meridian.agent.testing.EchoUpstream;
import io.vertx.core.http.HttpServerRequest;

/** An upstream that knows pod {@code default/p} (and the discovery kubectl needs) and refuses every exec into it. */
public final class RefusedUpgradeTestSupport {
    private RefusedUpgradeTestSupport() {}

    public static EchoUpstream podServer(EchoUpstream upstream) {
        return upstream.on(
                        "/api",
                        r -> json(
                                r,
                                200,
                                "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],"
                                        + "\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1:6443\"}]}"))
                .on("/apis", r -> json(r, 200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}"))
                .on(
                        "/api/v1",
                        r -> json(
                                r,
                                200,
                                "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
                                        + "{\"name\":\"pods\",\"singularName\":\"pod\",\"namespaced\":true,\"kind\":\"Pod\","
                                        + "\"verbs\":[\"get\",\"list\",\"watch\",\"create\",\"delete\"],\"shortNames\":[\"po\"]},"
                                        + "{\"name\":\"pods/exec\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"PodExecOptions\","
                                        + "\"verbs\":[\"create\",\"get\"]}]}"))
                .on(
                        "/api/v1/namespaces/default/pods/p",
                        r -> json(
                                r,
                                200,
                                "{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
                                        + "\"metadata\":{\"name\":\"p\",\"namespace\":\"default\"},"
                                        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]},"
                                        + "\"status\":{\"phase\":\"Running\"}}"))
                .refuseUpgrades(r -> json(r, 403, RefusedUpgradeTest.FORBIDDEN));
    }

    private static void json(HttpServerRequest r, int status, String body) {
        r.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body);
    }
}
