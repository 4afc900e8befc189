package dev.meridian.agent.tls;

import dev.meridian.agent.core.AgentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the self-signed CA and server certificate in a directory ({@code ca.crt},
 * {@code tls.crt}, {@code tls.key}) so restarts reuse them; generates them when absent or
 * when the server certificate expires within 30 days. Files are written atomically, keys 0600.
 */
public final class TlsStore {
    static final String CA = "ca.crt";
    static final String CERT = "tls.crt";
    static final String KEY = "tls.key";

    private TlsStore() {}

    public static GeneratedTls loadOrCreate(Path directory, List<String> names) {
        try {
            Optional<GeneratedTls> existing = load(directory);
            if (existing.isPresent()) {
                return existing.get();
            }
            GeneratedTls fresh = SelfSignedTls.generate(names);
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(KEY), fresh.privateKeyPem(), true);
            writeAtomically(directory.resolve(CERT), fresh.certificateChainPem(), false);
            writeAtomically(directory.resolve(CA), fresh.caCertificatePem(), false);
            return fresh;
        } catch (IOException e) {
            throw new AgentException(
                    "cannot keep the self-signed certificate in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static Optional<GeneratedTls> load(Path dir) throws IOException {
        Path ca = dir.resolve(CA);
        Path cert = dir.resolve(CERT);
        Path key = dir.resolve(KEY);
        if (!Files.isRegularFile(ca) || !Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            return Optional.empty();
        }
        String chain = Files.readString(cert);
        if (expiresSoon(chain)) {
            return Optional.empty();
        }
        return Optional.of(new GeneratedTls(Files.readString(ca), chain, Files.readString(key)));
    }

    private static boolean expiresSoon(String pem) {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return c.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)));
        } catch (CertificateException e) {
            return true;
        }
    }

    /** Temp file in the same folder, fsync, rename: readers see the old or the new file, never half. */
    public static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the temp file already has restrictive defaults
                }
            }
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.UTF_8.encode(content));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
