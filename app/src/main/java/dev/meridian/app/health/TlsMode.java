package dev.meridian.app.health;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * How the server certificate is checked, exactly as a kube context for the cluster would do it:
 * {@code insecure-skip-tls-verify}, {@code certificate-authority-data}, or neither (system trust store).
 */
public sealed interface TlsMode permits TlsMode.Insecure, TlsMode.CaData, TlsMode.SystemTrust {

    /** No verification at all; the chain is still captured and reported. */
    record Insecure() implements TlsMode {}

    /** The JDK's default trust store (on Debian generated from the same ca-certificates as /etc/ssl/certs). */
    record SystemTrust() implements TlsMode {}

    /** One or more PEM certificates that are the only trust anchors (the context's certificate-authority-data). */
    record CaData(byte[] pem) implements TlsMode {
        public CaData {
            if (pem == null || pem.length == 0) {
                throw new IllegalArgumentException("ca-data must not be empty");
            }
            pem = pem.clone();
        }

        @Override
        public byte[] pem() {
            return pem.clone();
        }

        /** The value of the {@code loft.sh/direct-cluster-endpoint-ca-data} annotation: base64 of the PEM. */
        public String base64() {
            return Base64.getEncoder().encodeToString(pem);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CaData that && Arrays.equals(pem, that.pem);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pem);
        }

        @Override
        public String toString() {
            return "CaData[" + pem.length + " bytes]";
        }
    }

    static TlsMode insecure() {
        return new Insecure();
    }

    static TlsMode systemTrust() {
        return new SystemTrust();
    }

    static TlsMode caData(byte[] pem) {
        return new CaData(pem);
    }

    static TlsMode caData(String pem) {
        return new CaData(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * From the base64 form used by kubeconfig {@code certificate-authority-data} and by the
     * {@code loft.sh/direct-cluster-endpoint-ca-data} annotation.
     *
     * @throws IllegalArgumentException when the value is not base64
     */
    static TlsMode caDataBase64(String base64) {
        try {
            return new CaData(Base64.getMimeDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ca-data is not valid base64: " + e.getMessage(), e);
        }
    }

    /**
     * The mode a context with these settings uses. Insecure wins over ca-data (kubectl refuses the
     * combination; the annotations may still carry both while an admin switches between them).
     *
     * @param caPemOrNull PEM bytes, or null when the context has no certificate-authority-data
     */
    static TlsMode forContext(boolean insecureSkipTlsVerify, byte[] caPemOrNull) {
        if (insecureSkipTlsVerify) {
            return insecure();
        }
        return caPemOrNull == null || caPemOrNull.length == 0 ? systemTrust() : caData(caPemOrNull);
    }

    /** Short human description: "insecure", "ca-data", "system trust store". */
    default String describe() {
        if (this instanceof Insecure) {
            return "insecure";
        }
        return this instanceof CaData ? "ca-data" : "system trust store";
    }
}
