package dev.meridian.agent.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Turns an upgraded HTTP/1.1 request into a raw socket, whatever its method. kubectl's
 * SPDY/3.1 exec, attach and port-forward are {@code POST} upgrades, but
 * {@link HttpServerRequest#toNetSocket()} only accepts GET upgrades and CONNECT. For other
 * methods this calls the same Vert.x 5 response method {@code toNetSocket()} delegates to,
 * presenting the upgrade as GET; it fails clearly if that method ever disappears.
 */
public final class ConnectionTakeover {
    private static final Method NET_SOCKET = find();

    private ConnectionTakeover() {}

    public static Future<NetSocket> toNetSocket(HttpServerRequest req) {
        if (req.method() == HttpMethod.GET || req.method() == HttpMethod.CONNECT) {
            return req.toNetSocket();
        }
        HttpServerResponse response = req.response();
        if (NET_SOCKET == null || !NET_SOCKET.getDeclaringClass().isInstance(response)) {
            return Future.failedFuture("this Vert.x version cannot take over a " + req.method() + " upgrade");
        }
        try {
            @SuppressWarnings("unchecked")
            Future<NetSocket> socket = (Future<NetSocket>) NET_SOCKET.invoke(response, HttpMethod.GET, req.headers());
            return socket;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return Future.failedFuture(e);
        }
    }

    private static Method find() {
        try {
            Class<?> type = Class.forName("io.vertx.core.http.impl.http1.Http1ServerResponse");
            Method m = type.getDeclaredMethod("netSocket", HttpMethod.class, MultiMap.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
