package dev.meridian.app.sandbox;

import dev.meridian.agent.tls.CertificateAuthority;
import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.agent.tls.TlsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox's cert-manager: a private CA, kept in the sandbox folder so a restarted sandbox issues
 * from the same CA (and endpoints recorded before keep verifying), that signs server certificates for
 * the hosts of Ingresses naming a cluster issuer. It answers to every issuer name: the sandbox has one.
 */
final class SandboxIssuer {
    /** The ClusterIssuer name the sandbox offers as the install's default. */
    static final String NAME = "sandbox-ca";

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(90);

    private final CertificateAuthority authority;
    private final String caPem;

    /** A server certificate as cert-manager writes it into a TLS Secret. */
    record Issued(String certificatePem, String keyPem, String caPem) {}

    private SandboxIssuer(CertificateAuthority authority) {
        this.authority = authority;
        this.caPem = authority.certificatePem();
    }

    /** Loads the CA from {@code folder} (ca.crt, ca.key), creating and saving one the first time. */
    static SandboxIssuer inFolder(Path folder) {
        Path certFile = folder.resolve("ca.crt");
        Path keyFile = folder.resolve("ca.key");
        try {
            if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
                return new SandboxIssuer(
                        CertificateAuthority.load(Files.readString(certFile), Files.readString(keyFile)));
            }
            Files.createDirectories(folder);
            CertificateAuthority authority =
                    CertificateAuthority.create("CN=Meridian sandbox CA,O=Meridian sandbox", CA_VALIDITY);
            // the CA key is the sandbox's only secret worth keeping from other users of the machine
            TlsStore.writeAtomically(keyFile, authority.privateKeyPem(), true);
            TlsStore.writeAtomically(certFile, authority.certificatePem(), false);
            return new SandboxIssuer(authority);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox CA in " + folder, e);
        }
    }

    String caPem() {
        return caPem;
    }

    /** A server certificate for {@code host}, signed by the sandbox CA. */
    Issued issue(String host) {
        GeneratedTls issued = authority.issue(List.of(host), SERVER_VALIDITY);
        return new Issued(issued.certificateChainPem(), issued.privateKeyPem(), caPem);
    }
}
