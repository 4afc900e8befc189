package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.testing.KubectlFirstCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedApiServerIT {
    @TempDir
    Path home;

    private SimulatedApiServer server;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws Exception {
        server = new SimulatedApiServer();
        Path kubeconfig = home.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: sim
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: u
                  user: {token: t}
                contexts:
                - name: sim
                  context: {cluster: sim, user: u}
                current-context: sim
                """.formatted(server.url()));
        kubectl = new Kubectl(home, kubeconfig);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void kubectlListsCreatesAndAnnotates() {
        String manifest = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: team-a}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: team-a}
                data: {color: blue}
                """;
        Kubectl.Result create = kubectl.runWithInput(manifest, "create", "--validate=false", "-f", "-");
        assertThat(create.exitCode()).as(create.toString()).isZero();

        Kubectl.Result get = kubectl.run("get", "configmaps", "-n", "team-a", "-o", "name");
        assertThat(get.out()).as(get.toString()).contains("configmap/settings");

        Kubectl.Result annotate = kubectl.run("annotate", "ns", "team-a", "owner=me");
        assertThat(annotate.exitCode()).as(annotate.toString()).isZero();
        assertThat(server.client()
                        .namespaces()
                        .withName("team-a")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry("owner", "me");
    }

    @Test
    void kubectlFirstCommandsWork() {
        KubectlFirstCommands.run(kubectl, "first");
    }

    @Test
    void whatTheSimulationCannotDoFailsFastWithTheSandboxMessage() {
        Kubectl.Result run = kubectl.run("get", "pods", "-w", "--field-selector", "spec.nodeName=n1");
        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.err()).contains("Meridian sandbox limit", "spec.nodeName");
    }
}
