package dev.meridian.app.health;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Runs one TLS handshake in memory before the first timed probe of the JVM. A cold JVM spends most of a
 * second loading and compiling the TLS and certificate code on its first handshake; without this, a
 * one-shot {@code meridian probe} would call every endpoint slow. Best effort: a failure only means the
 * first probe may be slower.
 */
final class TlsWarmUp {
    private static final System.Logger LOG = System.getLogger(TlsWarmUp.class.getName());
    private static final char[] PASSWORD = "warm-up".toCharArray();
    private static final Object LOCK = new Object();
    private static volatile boolean done;

    private TlsWarmUp() {}

    static void ensure() {
        if (done) {
            return;
        }
        synchronized (LOCK) {
            if (done) {
                return;
            }
            try {
                handshakeInMemory();
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "TLS warm-up failed; the first probe may be slower", e);
            } finally {
                done = true;
            }
        }
    }

    private static void handshakeInMemory() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=warm-up.invalid");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(now.minus(Duration.ofMinutes(1))),
                                Date.from(now.plus(Duration.ofHours(1))),
                                name,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("warm-up", keys.getPrivate(), PASSWORD, new X509Certificate[] {cert});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        CapturingTrustManager capture = new CapturingTrustManager();
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {capture}, null);

        SSLEngine client = clientContext.createSSLEngine("warm-up.invalid", 443);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        client.setSSLParameters(parameters);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        exchange(client, server);

        List<X509Certificate> chain = capture.chain();
        CertificateInfo info = CertificateInfo.from(cert);
        new ChainVerifier(new TrustAnchors(), new CertificateCache())
                .verify(
                        chain.isEmpty() ? List.of(cert) : chain,
                        capture.authType(),
                        TlsMode.caData(info.pem()),
                        "warm-up.invalid",
                        now);
    }

    private static void exchange(SSLEngine client, SSLEngine server) throws Exception {
        int size = Math.max(
                        client.getSession().getPacketBufferSize(),
                        server.getSession().getPacketBufferSize())
                * 4;
        ByteBuffer toServer = ByteBuffer.allocate(size);
        ByteBuffer toClient = ByteBuffer.allocate(size);
        ByteBuffer clientApp = ByteBuffer.allocate(size);
        ByteBuffer serverApp = ByteBuffer.allocate(size);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 100 && !(idle(client) && idle(server)); round++) {
            client.wrap(empty, toServer);
            runTasks(client);
            server.wrap(empty, toClient);
            runTasks(server);
            toServer.flip();
            server.unwrap(toServer, serverApp);
            toServer.compact();
            runTasks(server);
            toClient.flip();
            client.unwrap(toClient, clientApp);
            toClient.compact();
            runTasks(client);
        }
    }

    private static boolean idle(SSLEngine engine) {
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        return status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                || status == SSLEngineResult.HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }
}
