package dev.meridian.app.plane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.testing.MockManagementPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A context the light client carries goes through it; one with an exec credential plugin through fabric8 (the mock plane checks no token, so that fabric8 runs the plugin is its own test's claim). */
class PlanesTest {
    @TempDir
    Path home;

    private MockManagementPlane mock;

    @BeforeEach
    void start() {
        mock = new MockManagementPlane();
        mock.addCluster("eu-west", Map.of());
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private KubeconfigService kubeconfig(Path file) {
        return new KubeconfigService(KubeconfigLocations.of(Map.of(), home).withExplicitFile(file));
    }

    @Test
    void aTokenContextGoesThroughTheLightClient() throws Exception {
        Path file = mock.writeKubeconfig(home.resolve("config"));

        try (Plane plane = Planes.open(kubeconfig(file), null, Map.of(), Clock.systemUTC())) {
            assertThat(plane).isInstanceOf(HttpPlane.class);
            assertThat(plane.clusters()).extracting(ClusterInfo::name).containsExactly("eu-west");
        }
    }

    @Test
    void anExecPluginContextGoesThroughFabric8() throws Exception {
        Path plugin = Files.writeString(home.resolve("login.sh"), """
                #!/bin/sh
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"management-token"}}'
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path file = Files.writeString(home.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: management
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                users:
                - name: admin
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      interactiveMode: Never
                contexts:
                - name: management
                  context:
                    cluster: management
                    user: admin
                current-context: management
                """.formatted(mock.url(), plugin));

        try (Plane plane = Planes.open(kubeconfig(file), null, Map.of(), Clock.systemUTC())) {
            assertThat(plane).isInstanceOf(FabricPlane.class);
            assertThat(plane.cluster("eu-west").name()).isEqualTo("eu-west");
            assertThat(plane.gateway()).isEmpty();
        }
    }
}
