package dev.meridian.app.kubeconfig;

import java.util.Optional;

/**
 * How a client checks a server's certificate, as a kubeconfig cluster entry says it.
 *
 * @param certificateAuthorityData base64 PEM ({@code certificate-authority-data}), or null
 * @param certificateAuthorityFile an absolute path ({@code certificate-authority}), or null
 * @param insecureSkipTlsVerify {@code insecure-skip-tls-verify}
 * @param tlsServerName {@code tls-server-name}, or null
 */
public record TlsSettings(
        String certificateAuthorityData,
        String certificateAuthorityFile,
        boolean insecureSkipTlsVerify,
        String tlsServerName) {

    /** Verify against the system's trusted roots. */
    public static TlsSettings systemTrust() {
        return new TlsSettings(null, null, false, null);
    }

    public static TlsSettings insecure() {
        return new TlsSettings(null, null, true, null);
    }

    public static TlsSettings caData(String base64Pem) {
        return new TlsSettings(base64Pem, null, false, null);
    }

    public Optional<String> caData() {
        return Optional.ofNullable(certificateAuthorityData);
    }

    public Optional<String> caFile() {
        return Optional.ofNullable(certificateAuthorityFile);
    }

    public Optional<String> serverName() {
        return Optional.ofNullable(tlsServerName);
    }
}
