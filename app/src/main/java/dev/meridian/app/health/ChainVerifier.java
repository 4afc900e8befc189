package dev.meridian.app.health;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Checks a presented chain the way kubectl would, in Go's order: the leaf's validity dates, then
 * the host name, then the path to a trust anchor. Runs after the handshake, on the captured chain,
 * so that every failure is named precisely and the chain is always available.
 */
final class ChainVerifier {

    record Finding(TlsProblem problem, String detail) {}

    private final TrustAnchors anchors;
    private final CertificateCache cache;

    ChainVerifier(TrustAnchors anchors, CertificateCache cache) {
        this.anchors = anchors;
        this.cache = cache;
    }

    Optional<Finding> verify(List<X509Certificate> chain, String authType, TlsMode mode, String name, Instant now) {
        if (mode instanceof TlsMode.Insecure) {
            return Optional.empty();
        }
        if (chain.isEmpty()) {
            return Optional.of(new Finding(TlsProblem.UNTRUSTED, "the server presented no certificate"));
        }
        X509Certificate leaf = chain.get(0);
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return Optional.of(new Finding(
                    TlsProblem.NOT_YET_VALID,
                    subject(leaf) + " is valid from " + leaf.getNotBefore().toInstant() + ", it is now " + now));
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return Optional.of(new Finding(
                    TlsProblem.EXPIRED,
                    subject(leaf) + " expired on " + leaf.getNotAfter().toInstant() + ", it is now " + now));
        }
        if (!HostnameMatcher.matches(leaf, name)) {
            return Optional.of(new Finding(
                    TlsProblem.HOSTNAME_MISMATCH,
                    "it is valid for " + CertificateInfo.subjectAltNames(leaf) + ", not for " + name));
        }
        if (cache.isVerified(mode, chain, now)) {
            return Optional.empty();
        }
        X509TrustManager trust;
        if (mode instanceof TlsMode.CaData ca) {
            try {
                trust = anchors.forCaData(ca.pem());
            } catch (TrustAnchors.InvalidCaDataException e) {
                return Optional.of(new Finding(TlsProblem.INVALID_CA_DATA, e.getMessage()));
            }
        } else {
            trust = anchors.system();
        }
        try {
            trust.checkServerTrusted(chain.toArray(X509Certificate[]::new), authType == null ? "UNKNOWN" : authType);
            cache.markVerified(mode, chain, now);
            return Optional.empty();
        } catch (CertificateException | IllegalArgumentException e) {
            return Optional.of(classify(e, chain, mode));
        }
    }

    private static Finding classify(Exception e, List<X509Certificate> chain, TlsMode mode) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException
                    || t instanceof CertPathValidatorException cpve
                            && cpve.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new Finding(TlsProblem.EXPIRED, "a certificate in the chain has expired: " + t.getMessage());
            }
            if (t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException cpve
                            && cpve.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return new Finding(
                        TlsProblem.NOT_YET_VALID, "a certificate in the chain is not valid yet: " + t.getMessage());
            }
        }
        X509Certificate last = chain.get(chain.size() - 1);
        String where = mode instanceof TlsMode.CaData ? "the endpoint's ca-data" : "the system trust store";
        String what = chain.size() == 1 && CertificateInfo.isSelfSigned(last)
                ? "self-signed certificate " + subject(last) + " is not in " + where
                : "the chain ends at " + subject(last) + ", issued by "
                        + last.getIssuerX500Principal().getName(X500Principal.RFC2253) + ", which is not in " + where;
        return new Finding(TlsProblem.UNTRUSTED, what);
    }

    private static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }
}
