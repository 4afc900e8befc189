package dev.meridian.agent.tls;

import dev.meridian.agent.core.AgentException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA (ECDSA P-256) that signs server certificates: the agent's self-signed TLS, and
 * the sandbox's stand-in for cert-manager, which keeps its CA across runs ({@link #load}).
 */
public final class CertificateAuthority {
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A new CA named {@code distinguishedName} (e.g. {@code CN=Meridian agent CA,O=Meridian}). */
    public static CertificateAuthority create(String distinguishedName, Duration validity) {
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(distinguishedName);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            name,
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            name,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new AgentException("cannot create a certificate authority: " + e.getMessage(), e);
        }
    }

    /** A CA kept as PEM: its certificate and its PKCS#8 key. */
    public static CertificateAuthority load(String certificatePem, String keyPem) {
        try (PEMParser certificate = new PEMParser(new StringReader(certificatePem));
                PEMParser key = new PEMParser(new StringReader(keyPem))) {
            return new CertificateAuthority(
                    new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) certificate.readObject()),
                    new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) key.readObject()));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new AgentException("the certificate authority's PEM cannot be read: " + e.getMessage(), e);
        }
    }

    public String certificatePem() {
        return pem(certificate);
    }

    public String privateKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server certificate for the names (DNS names or IP literals; the first is the subject's
     * CN), its key, and this CA; the chain holds the certificate then the CA.
     */
    public GeneratedTls issue(List<String> subjectAlternativeNames, Duration validity) {
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            Set<String> names = new LinkedHashSet<>(subjectAlternativeNames);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            certificate,
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            new X500Name("CN=" + names.stream().findFirst().orElse("meridian-agent")),
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectAlternativeName, false, altNames(names));
            String caPem = certificatePem();
            return new GeneratedTls(
                    caPem,
                    pem(sign(builder, key)) + caPem,
                    pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new AgentException("cannot sign a server certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames altNames(Set<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            out.add(
                    isIpLiteral(n)
                            ? new GeneralName(GeneralName.iPAddress, n)
                            : new GeneralName(GeneralName.dNSName, n));
        }
        return new GeneralNames(out.toArray(GeneralName[]::new));
    }

    static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true;
        }
        if (!name.matches("[0-9.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException, OperatorCreationException {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
