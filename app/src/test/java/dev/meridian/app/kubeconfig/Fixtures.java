package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Kubeconfig files for tests. */
final class Fixtures {
    static final String MANAGEMENT_SERVER = "https://mgmt.example.com:8443/some/path";
    static final String MANAGEMENT_CA = "bWFuYWdlbWVudC1jYQ==";

    private Fixtures() {}

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kubeconfig/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KubeconfigLocations locations(Path home, List<Path> files) {
        String list = String.join(
                java.io.File.pathSeparator, files.stream().map(Path::toString).toList());
        return KubeconfigLocations.of(Map.of("KUBECONFIG", list), home);
    }

    /** A management kubeconfig whose current context "mgmt" uses a token. */
    static String management(String token) {
        return """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: %s
            server: %s
          name: mgmt
        contexts:
        - context:
            cluster: mgmt
            user: admin
          name: mgmt
        current-context: mgmt
        kind: Config
        preferences: {}
        users:
        - name: admin
          user:
            token: %s
        """.formatted(MANAGEMENT_CA, MANAGEMENT_SERVER, token);
    }
}
