package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.ProcessRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as users run it: {@code java -jar meridian.jar ...}, in its own JVM. */
class JarCliIT {
    @TempDir
    Path home;

    private ProcessRun java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("meridian.jar")));
        command.addAll(List.of(args));
        return ProcessRun.run(home, command);
    }

    @Test
    void listsAndEditsClustersFromThePackagedJar() throws Exception {
        try (MockManagementPlane plane = new MockManagementPlane()) {
            plane.addCluster("eu-west", Map.of());
            String kubeconfig = plane.writeKubeconfig(home.resolve("mgmt.yaml")).toString();

            ProcessRun set =
                    java("endpoint", "set", "eu-west", "eu.example.com", "--insecure", "--kubeconfig", kubeconfig);
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.err())
                    .contains("[done] √ Direct endpoint of cluster eu-west set to "
                            + "https://eu.example.com/kubernetes/cluster (TLS: Insecure)");
            assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                    .containsEntry(Annotations.ENDPOINT, "eu.example.com")
                    .containsEntry(Annotations.INSECURE, "true");

            ProcessRun list = java("--kubeconfig", kubeconfig, "cluster", "list");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("eu-west", "Direct", "eu.example.com", "Insecure");

            ProcessRun missing = java("endpoint", "show", "nope", "--kubeconfig", kubeconfig);
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("Cluster 'nope' does not exist").doesNotContain("\tat ");
        }
    }

    @Test
    void helpAndVersionWorkWithoutJavaFx() throws Exception {
        ProcessRun help = java("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: meridian", "cluster", "endpoint", "Exit codes");
        ProcessRun version = java("--version");
        assertThat(version.out()).startsWith("meridian ");
    }
}
