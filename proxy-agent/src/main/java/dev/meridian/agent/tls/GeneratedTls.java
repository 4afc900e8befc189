package dev.meridian.agent.tls;

/** PEM texts of a CA certificate, and the server certificate chain and PKCS#8 key it signed. */
public record GeneratedTls(String caCertificatePem, String certificateChainPem, String privateKeyPem) {}
