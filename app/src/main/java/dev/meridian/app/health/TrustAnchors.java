package dev.meridian.app.health;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds (and caches) the JDK PKIX trust managers for ca-data and for the system trust store. */
final class TrustAnchors {
    private static final int MAX_CACHED = 256;

    private final Map<ByteBuffer, X509TrustManager> byCaData = new ConcurrentHashMap<>();
    private volatile X509TrustManager system;

    /** Thrown when ca-data cannot be used as trust anchors. */
    static final class InvalidCaDataException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCaDataException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    X509TrustManager forCaData(byte[] pem) throws InvalidCaDataException {
        ByteBuffer key = ByteBuffer.wrap(pem.clone());
        X509TrustManager cached = byCaData.get(key);
        if (cached != null) {
            return cached;
        }
        X509TrustManager built = build(keyStoreOf(parse(pem)));
        if (byCaData.size() >= MAX_CACHED) {
            byCaData.clear();
        }
        byCaData.put(key, built);
        return built;
    }

    X509TrustManager system() {
        X509TrustManager tm = system;
        if (tm == null) {
            try {
                tm = build(null);
            } catch (InvalidCaDataException e) {
                throw new IllegalStateException("the JDK trust store cannot be loaded", e);
            }
            system = tm;
        }
        return tm;
    }

    static List<X509Certificate> parse(byte[] pem) throws InvalidCaDataException {
        try {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new InvalidCaDataException("no certificate found in ca-data", null);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new InvalidCaDataException("ca-data is not PEM certificates: " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStoreOf(List<X509Certificate> certs) throws InvalidCaDataException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("ca-" + i, certs.get(i));
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new InvalidCaDataException("ca-data cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager build(KeyStore anchors) throws InvalidCaDataException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new InvalidCaDataException("no X.509 trust manager available", null);
        } catch (GeneralSecurityException e) {
            throw new InvalidCaDataException("trust anchors cannot be used: " + e.getMessage(), e);
        }
    }
}
