package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.kubeconfig.CountingKubeconfig;
import dev.meridian.app.testing.MockManagementPlane;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code cluster use} parses each kubeconfig file once: the management context, the plane's
 * client, the context it writes and the switch all read the one tree its kubeconfig engine holds.
 */
class ClusterUseReadsOnceTest {
    @TempDir
    Path home;

    private MockManagementPlane plane;
    private Path first;
    private Path second;

    @BeforeEach
    void start() throws Exception {
        plane = new MockManagementPlane();
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of());
        first = plane.writeKubeconfig(home.resolve("first"));
        second = Files.writeString(home.resolve("second"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: other
                  cluster:
                    server: https://other.example.com
                users:
                - name: other
                  user:
                    token: other-token
                contexts:
                - name: other
                  context:
                    cluster: other
                    user: other
                """);
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private int run(CountingKubeconfig counting, String... args) {
        CliEnvironment environment = new CliEnvironment(
                Map.of("KUBECONFIG", first + File.pathSeparator + second), home, Clock.systemUTC(), counting::open);
        StringWriter err = new StringWriter();
        int code = Cli.run(environment, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    @Test
    void clusterUseParsesEachKubeconfigFileOnce() {
        for (String cluster : new String[] {"eu-west", "us-east"}) {
            CountingKubeconfig counting = new CountingKubeconfig();

            run(counting, "cluster", "use", cluster);

            assertThat(counting.engines()).as("kubeconfig engines built").isEqualTo(1);
            assertThat(counting.parses(first)).as("parses of " + first).isEqualTo(1);
            assertThat(counting.parses(second)).as("parses of " + second).isEqualTo(1);
        }
    }

    @Test
    void spaceUsePrintParsesEachKubeconfigFileOnce() {
        CountingKubeconfig counting = new CountingKubeconfig();

        run(counting, "space", "use", "team-a", "--cluster", "eu-west", "--print");

        assertThat(counting.engines()).isEqualTo(1);
        assertThat(counting.parses(first)).isEqualTo(1);
        assertThat(counting.parses(second)).isEqualTo(1);
    }
}
