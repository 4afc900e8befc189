package dev.meridian.app.plane;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context a kube context's cluster entry asks for, as kubectl reads it: its CA (data or
 * file) as the only trusted roots, else the system's; {@code insecure-skip-tls-verify} trusts any
 * certificate. The host name is checked by the connection (HTTPS endpoint identification).
 */
final class TlsContexts {
    private TlsContexts() {}

    static SSLContext forSettings(TlsSettings settings) {
        try {
            TrustManager[] trust;
            if (settings.insecureSkipTlsVerify()) {
                trust = new TrustManager[] {new AnyCertificate()};
            } else if (settings.caData().isPresent() || settings.caFile().isPresent()) {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(roots(settings));
                trust = factory.getTrustManagers();
            } else {
                trust = null; // the system's trusted roots
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make a TLS context: " + e, e);
        }
    }

    private static KeyStore roots(TlsSettings settings) throws GeneralSecurityException {
        byte[] pem;
        String source;
        if (settings.caData().isPresent()) {
            source = "certificate-authority-data";
            try {
                pem = Base64.getMimeDecoder().decode(settings.caData().get());
            } catch (IllegalArgumentException e) {
                throw badCa(source, "it is not base64", e);
            }
        } else {
            Path file = Path.of(settings.caFile().get());
            source = "certificate-authority " + file;
            try {
                pem = Files.readAllBytes(file);
            } catch (IOException e) {
                throw badCa(source, "the file cannot be read (" + e.getMessage() + ")", e);
            }
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (java.security.cert.CertificateException e) {
            throw badCa(source, "it is not a PEM certificate", e);
        }
        if (certificates.isEmpty()) {
            throw badCa(source, "it holds no certificate", null);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }

    private static MeridianException badCa(String source, String why, Exception cause) {
        return new MeridianException.InvalidInput(
                "The kube context's " + source + " is unusable: " + why
                        + ". Fix the cluster entry in the kubeconfig (kubectl fails on it too).",
                cause);
    }

    /** {@code insecure-skip-tls-verify: true}: any certificate, as the user asked. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
