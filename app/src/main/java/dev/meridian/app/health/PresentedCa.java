package dev.meridian.app.health;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The CA an endpoint presents, for a deliberate trust-on-first-use decision: the self-signed
 * certificate of the presented chain (the root, or a self-signed leaf) or else the last one.
 *
 * @param ca               the certificate to trust
 * @param presentedChain   the chain as presented, leaf first
 * @param problemIfTrusted what would still fail after trusting {@code ca} (expired, wrong host...),
 *                         or null when a probe with this CA would pass TLS verification
 */
public record PresentedCa(
        ProbeTarget target,
        CertificateInfo ca,
        List<CertificateInfo> presentedChain,
        TlsInfo tls,
        DownCause.TlsFailure problemIfTrusted) {

    public PresentedCa {
        presentedChain = List.copyOf(presentedChain);
    }

    public String sha256Fingerprint() {
        return ca.sha256Fingerprint();
    }

    /** The PEM of {@link #ca()}. */
    public String pem() {
        return ca.pem();
    }

    /** The value for the {@code loft.sh/direct-cluster-endpoint-ca-data} annotation (base64 of the PEM). */
    public String caDataBase64() {
        return Base64.getEncoder().encodeToString(ca.pem().getBytes(StandardCharsets.US_ASCII));
    }

    public TlsMode.CaData asTlsMode() {
        return new TlsMode.CaData(ca.pem().getBytes(StandardCharsets.US_ASCII));
    }

    public boolean verifiesOnceTrusted() {
        return problemIfTrusted == null;
    }

    public Optional<DownCause.TlsFailure> remainingProblem() {
        return Optional.ofNullable(problemIfTrusted);
    }
}
