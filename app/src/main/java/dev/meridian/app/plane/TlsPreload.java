package dev.meridian.app.plane;

import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads and initialises the TLS code of the JDK on a second thread while the command's own thread
 * parses its arguments and the kubeconfig: a one-shot command's first handshake then finds the
 * security providers, the key exchange and the certificate code ready. Best effort and harmless:
 * a failure only leaves the first request as slow as it would have been.
 */
public final class TlsPreload {
    private TlsPreload() {}

    /** Starts the preload on a daemon thread; the process never waits for it. */
    public static void start() {
        Thread thread = new Thread(TlsPreload::run, "tls-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            // Trust managers over an empty store: the code a context's own CA runs through, without loading the
            // system's roots, which a context with its own CA never needs.
            KeyStore empty = KeyStore.getInstance(KeyStore.getDefaultType());
            empty.load(null, null);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(empty);
            CertificateFactory.getInstance("X.509");
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLEngine engine = context.createSSLEngine("preload", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(
                    java.nio.ByteBuffer.allocate(0),
                    java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            KeyPairGenerator.getInstance("XDH").initialize(255);
            Json.parse(new byte[] {'{', '}'});
        } catch (Exception | LinkageError e) {
            // Nothing to do: the command's own request loads what it needs.
        }
    }
}
