package dev.meridian.app.health;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds CAs and server certificates for tests: {@code TestPki.ca("CA").leaf("srv").sans(...).issue()}. */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestPki() {}

    /** A key with its certificate and the chain a server presents (leaf first, CA included). */
    record Identity(X509Certificate cert, KeyPair keys, List<X509Certificate> chain) {
        String pem() {
            return CertificateInfo.pem(cert);
        }

        byte[] pemBytes() {
            return pem().getBytes(StandardCharsets.US_ASCII);
        }

        TlsMode asCaData() {
            return TlsMode.caData(pemBytes());
        }

        Builder leaf(String commonName) {
            return new Builder(commonName, this);
        }
    }

    static Identity ca(String commonName) {
        return new Builder(commonName, null).ca().issue();
    }

    /** A leaf signed by itself (like the agent's generated certificate). */
    static Builder selfSigned(String commonName) {
        return new Builder(commonName, null);
    }

    static final class Builder {
        private final String commonName;
        private final Identity issuer;
        private final List<GeneralName> sans = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
        private boolean ca;
        private boolean rsa;

        private Builder(String commonName, Identity issuer) {
            this.commonName = commonName;
            this.issuer = issuer;
        }

        /** An RSA 2048 key instead of EC P-256 (cert-manager's and kubeadm's default). */
        Builder rsa() {
            rsa = true;
            return this;
        }

        Builder ca() {
            ca = true;
            return this;
        }

        /** IP literals become IP SANs, anything else DNS SANs. */
        Builder sans(String... names) {
            for (String name : names) {
                sans.add(
                        HostnameMatcher.isIpLiteral(name)
                                ? new GeneralName(GeneralName.iPAddress, name)
                                : new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        Builder validBetween(Instant from, Instant until) {
            notBefore = from;
            notAfter = until;
            return this;
        }

        Builder validFor(Duration fromNow) {
            notAfter = Instant.now().plus(fromNow);
            return this;
        }

        Identity issue() {
            try {
                KeyPair keys = rsa ? newRsaKeyPair() : newKeyPair();
                X500Name subject = new X500Name("O=Meridian Test,CN=" + commonName);
                X500Name issuerName = issuer == null
                        ? subject
                        : X500Name.getInstance(
                                issuer.cert().getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        issuerName,
                        BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(notBefore),
                        Date.from(notAfter),
                        subject,
                        keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (ca) {
                    builder.addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                } else {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                }
                if (!sans.isEmpty()) {
                    builder.addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(sans.toArray(GeneralName[]::new)));
                }
                KeyPair signer = issuer == null ? keys : issuer.keys();
                X509Certificate cert = new JcaX509CertificateConverter()
                        .getCertificate(builder.build(new JcaContentSignerBuilder(
                                        signer.getPrivate().getAlgorithm().equals("RSA")
                                                ? "SHA256withRSA"
                                                : "SHA256withECDSA")
                                .build(signer.getPrivate())));
                List<X509Certificate> chain = new ArrayList<>();
                chain.add(cert);
                if (issuer != null) {
                    chain.addAll(issuer.chain());
                }
                return new Identity(cert, keys, List.copyOf(chain));
            } catch (Exception e) {
                throw new IllegalStateException("cannot issue test certificate for " + commonName, e);
            }
        }
    }

    private static KeyPair newRsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
