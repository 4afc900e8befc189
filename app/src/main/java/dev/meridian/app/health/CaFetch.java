package dev.meridian.app.health;

/** The outcome of fetching an endpoint's presented chain for trust on first use. */
public sealed interface CaFetch permits CaFetch.Presented, CaFetch.Failed {

    /** The server presented a chain; nothing has been trusted yet. */
    record Presented(PresentedCa ca) implements CaFetch {}

    /** No chain could be fetched; the cause says why (DNS, refused, timeout, handshake). */
    record Failed(DownCause cause) implements CaFetch {
        public String message() {
            return cause.message();
        }
    }
}
