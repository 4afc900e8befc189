package dev.meridian.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsStoreTest {
    @TempDir
    Path dir;

    @Test
    void generatesOnceAndReusesOnTheNextStart() throws Exception {
        GeneratedTls first = TlsStore.loadOrCreate(dir, List.of("agent.example.com", "10.1.2.3"));
        GeneratedTls second = TlsStore.loadOrCreate(dir, List.of("agent.example.com", "10.1.2.3"));
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("ca.crt"))).isEqualTo(first.caCertificatePem());
    }

    @Test
    void theServerCertificateIsSignedByTheCaAndNamesTheHosts() throws Exception {
        GeneratedTls tls = SelfSignedTls.generate(List.of("agent.example.com", "10.1.2.3"));
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) f.generateCertificate(
                new ByteArrayInputStream(tls.caCertificatePem().getBytes()));
        X509Certificate server = (X509Certificate) f.generateCertificates(
                        new ByteArrayInputStream(tls.certificateChainPem().getBytes()))
                .iterator()
                .next();
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getSubjectAlternativeNames().stream()
                        .map(n -> String.valueOf(n.get(1)))
                        .toList())
                .contains("agent.example.com", "10.1.2.3");
    }
}
