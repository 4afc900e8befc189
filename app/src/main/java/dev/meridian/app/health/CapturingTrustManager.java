package dev.meridian.app.health;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server chain during the handshake and keeps it, so the chain can be shown (and
 * trusted on first use) even when it would fail verification. {@link ChainVerifier} judges it
 * afterwards, before any request is sent. Extends {@link X509ExtendedTrustManager} so the JDK does
 * not wrap it with checks of its own. One instance per probe.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();
    private volatile String authType;

    List<X509Certificate> chain() {
        return chain;
    }

    String authType() {
        return authType;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String type) {
        chain = List.of(presented);
        authType = type;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String type, Socket socket) {
        checkServerTrusted(presented, type);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String type, SSLEngine engine) {
        checkServerTrusted(presented, type);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String type) {
        throw new UnsupportedOperationException("the prober is a TLS client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String type, Socket socket) {
        checkClientTrusted(presented, type);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String type, SSLEngine engine) {
        checkClientTrusted(presented, type);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
