package dev.meridian.app.health;

/** Why TLS verification (or the handshake itself) failed. */
public enum TlsProblem {
    /** The chain does not lead to a trusted certificate (ca-data or system trust store). */
    UNTRUSTED,
    /** The server certificate (or one in its chain) is past its not-after date. */
    EXPIRED,
    /** The server certificate (or one in its chain) is before its not-before date. */
    NOT_YET_VALID,
    /** The server certificate is not valid for the host name (or expected server name). */
    HOSTNAME_MISMATCH,
    /** The configured ca-data holds no usable PEM certificate. */
    INVALID_CA_DATA,
    /** The handshake itself failed (no common protocol, not a TLS port, client certificate required...). */
    HANDSHAKE_FAILED
}
