package dev.meridian.app.health;

import java.util.List;

/**
 * What the TLS handshake showed, captured even when verification failed.
 *
 * @param protocol    negotiated version, e.g. "TLSv1.3"; empty when the handshake did not complete
 * @param cipherSuite negotiated suite; empty when the handshake did not complete
 * @param alpn        protocol chosen by ALPN ("http/1.1"), or empty when the server ignored ALPN
 * @param chain       the certificates in the order the server presented them, leaf first
 */
public record TlsInfo(String protocol, String cipherSuite, String alpn, List<CertificateInfo> chain) {

    public TlsInfo {
        chain = List.copyOf(chain);
    }

    public boolean hasChain() {
        return !chain.isEmpty();
    }
}
