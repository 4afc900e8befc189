package dev.meridian.app.health;

/** The phases of a probe, in order. */
public enum ProbePhase {
    DNS("resolving the name"),
    CONNECT("connecting"),
    TLS_HANDSHAKE("in the TLS handshake"),
    FIRST_BYTE("waiting for the response"),
    BODY("reading the response");

    private final String description;

    ProbePhase(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
