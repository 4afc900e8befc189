package dev.meridian.app.health;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * What an admin needs to judge a certificate, as presented by the server.
 *
 * @param subject           RFC 2253 distinguished name
 * @param subjectAltNames   "DNS:name", "IP:address", "URI:...", "email:..." in certificate order
 * @param sha256Fingerprint upper-case hex pairs separated by colons, as {@code openssl x509 -fingerprint -sha256}
 * @param pem               the certificate in PEM form
 */
public record CertificateInfo(
        String subject,
        List<String> subjectAltNames,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        boolean selfSigned,
        String sha256Fingerprint,
        String pem) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public static CertificateInfo from(X509Certificate cert) {
        return new CertificateInfo(
                cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                subjectAltNames(cert),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                isSelfSigned(cert),
                fingerprint(cert),
                pem(cert));
    }

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(notAfter);
    }

    public boolean isNotYetValidAt(Instant now) {
        return now.isBefore(notBefore);
    }

    static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der(cert));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String pem(X509Certificate cert) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der(cert));
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate can be encoded", e);
        }
    }

    static List<String> subjectAltNames(X509Certificate cert) {
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of("unparseable: " + e.getMessage());
        }
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            Object value = entry.get(1);
            String prefix = switch (type) {
                case 1 -> "email:";
                case 2 -> "DNS:";
                case 4 -> "DirName:";
                case 6 -> "URI:";
                case 7 -> "IP:";
                default -> "type" + type + ":";
            };
            out.add(prefix + (value instanceof String s ? s.toLowerCase(Locale.ROOT) : "<binary>"));
        }
        return out;
    }
}
