package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException.InvalidInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@link Annotations#CA_DATA}: base64 of one or more PEM X.509 certificates,
 * the same encoding as a kubeconfig's {@code certificate-authority-data}.
 */
public record CaBundle(String base64, List<Certificate> certificates) {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    public CaBundle {
        certificates = List.copyOf(certificates);
    }

    /** What an admin needs to recognise a certificate. */
    public record Certificate(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256) {
        public boolean isExpiredAt(Instant now) {
            return now.isAfter(notAfter);
        }

        public boolean isNotYetValidAt(Instant now) {
            return now.isBefore(notBefore);
        }

        public String describe() {
            return "subject " + subject + ", issuer " + issuer + ", not after " + notAfter + ", SHA-256 " + sha256;
        }
    }

    /** Reads a base64 annotation value; tolerant of line breaks in the base64, strict about everything else. */
    public static CaBundle fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidInput("CA data is empty; give base64 of a PEM certificate, or leave it unset.");
        }
        if (base64.length() > Annotations.MAX_VALUE_BYTES) {
            throw new InvalidInput("CA data is " + base64.length() + " bytes; annotations are limited to "
                    + Annotations.MAX_VALUE_BYTES + " bytes in all. Give only the CA certificate(s) of the endpoint.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    "CA data is not valid base64. Encode the PEM file, e.g. base64 -w0 ca.crt, or use --ca-file.", e);
        }
        return fromPem(
                new String(decoded, StandardCharsets.UTF_8),
                base64.strip(),
                "CA data decodes to no PEM certificate (no '-----BEGIN CERTIFICATE-----' block). It must be base64 of "
                        + "a PEM file; DER or a private key is not accepted.");
    }

    /** Reads PEM text (for instance the contents of a ca.crt file) and encodes it for the annotation. */
    public static CaBundle fromPemText(String pem) {
        String encoded = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
        return fromPem(
                pem,
                encoded,
                "The CA holds no PEM certificate (no '-----BEGIN CERTIFICATE-----' block); give a PEM file. DER or a "
                        + "private key is not accepted.");
    }

    private static CaBundle fromPem(String pem, String base64, String noCertificate) {
        Matcher blocks = PEM_BLOCK.matcher(pem);
        List<Certificate> certificates = new ArrayList<>();
        while (blocks.find()) {
            certificates.add(parseBlock(blocks.group(1)));
        }
        if (certificates.isEmpty()) {
            throw new InvalidInput(noCertificate);
        }
        return new CaBundle(base64, certificates);
    }

    private static Certificate parseBlock(String body) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
            X509Certificate x509 = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return new Certificate(
                    x509.getSubjectX500Principal().getName(),
                    x509.getIssuerX500Principal().getName(),
                    x509.getNotBefore().toInstant(),
                    x509.getNotAfter().toInstant(),
                    fingerprint(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new InvalidInput(
                    "CA data holds a PEM block that is not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of DER bytes as colon-separated upper-case hex, the form browsers and openssl show. */
    public static String fingerprint(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** This bundle, or an {@link InvalidInput} naming every problem that makes it unusable at {@code now}. */
    public CaBundle requireUsableAt(Instant now) {
        List<String> problems = problemsAt(now);
        if (!problems.isEmpty()) {
            throw new InvalidInput(String.join("; ", problems) + ".");
        }
        return this;
    }

    /** Problems that make this bundle unusable at {@code now}, e.g. every certificate expired. */
    public List<String> problemsAt(Instant now) {
        List<String> problems = new ArrayList<>();
        for (Certificate c : certificates) {
            if (c.isExpiredAt(now)) {
                problems.add("CA certificate " + c.subject() + " expired on " + c.notAfter()
                        + ": kubectl will reject the endpoint; give the current CA");
            } else if (c.isNotYetValidAt(now)) {
                problems.add("CA certificate " + c.subject() + " is not valid before " + c.notBefore());
            }
        }
        return problems;
    }
}
