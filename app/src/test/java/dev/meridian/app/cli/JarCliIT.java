package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.testing.MockManagementPlane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as users run it: {@code java -jar meridian.jar ...}, in its own JVM. */
class JarCliIT {
    @TempDir
    Path home;

    record Result(int exitCode, String out, String err) {}

    private Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("meridian.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void listsAndEditsClustersFromThePackagedJar() throws Exception {
        try (MockManagementPlane plane = new MockManagementPlane()) {
            plane.addCluster("eu-west", Map.of());
            String kubeconfig = plane.writeKubeconfig(home.resolve("mgmt.yaml")).toString();

            Result set = java("endpoint", "set", "eu-west", "eu.example.com", "--insecure", "--kubeconfig", kubeconfig);
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.err())
                    .contains("[done] √ Direct endpoint of cluster eu-west set to "
                            + "https://eu.example.com/kubernetes/cluster (TLS: insecure)");
            assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                    .containsEntry(Annotations.ENDPOINT, "eu.example.com")
                    .containsEntry(Annotations.INSECURE, "true");

            Result list = java("--kubeconfig", kubeconfig, "cluster", "list");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("eu-west", "Direct", "eu.example.com", "insecure");

            Result missing = java("endpoint", "show", "nope", "--kubeconfig", kubeconfig);
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("Cluster 'nope' does not exist").doesNotContain("\tat ");
        }
    }

    @Test
    void helpAndVersionWorkWithoutJavaFx() throws Exception {
        Result help = java("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: meridian", "cluster", "endpoint", "Exit codes");
        Result version = java("--version");
        assertThat(version.out()).startsWith("meridian ");
    }
}
