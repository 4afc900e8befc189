package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.app.cli.CliRun;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.FleetService;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: one sandbox per folder, and a folder's sandbox comes back as it was after a restart. */
class SandboxFolderTest {
    @TempDir
    Path temp;

    private SandboxOptions options() {
        // eu-west behind a latency relay, so the relay's port is kept too
        return new SandboxOptions(
                temp.resolve("sandbox"), List.of("eu-west", "us-east"), SandboxOptions.parseLatency("eu-west=1ms"));
    }

    @Test
    void aSecondSandboxOnTheFolderRefusesNamingTheFirstWhichKeepsWorkingUntouched() throws Exception {
        try (Sandbox first = Sandbox.start(options())) {
            byte[] kubeconfig = Files.readAllBytes(first.kubeconfig());

            assertThatThrownBy(() -> Sandbox.start(options()))
                    .isInstanceOf(SandboxInUse.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining(first.gatewayUrl() + "/kubernetes/management")
                    .hasMessageContaining("kill " + ProcessHandle.current().pid())
                    .satisfies(
                            e -> assertThat(((MeridianException) e).kind()).isEqualTo(MeridianException.Kind.CONFLICT));

            CliRun second = CliRun.run(
                    temp.resolve("home"),
                    "sandbox",
                    "--dir",
                    temp.resolve("sandbox").toString());
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
            assertThat(second.err())
                    .contains("already runs in " + temp.resolve("sandbox"))
                    .contains("pid " + ProcessHandle.current().pid())
                    .contains("--dir");

            assertThat(Files.readAllBytes(first.kubeconfig()))
                    .as("the first sandbox's kubeconfig")
                    .isEqualTo(kubeconfig);
            assertThat(clusterNames(new String(kubeconfig, StandardCharsets.UTF_8)))
                    .containsExactlyInAnyOrder("eu-west", "us-east");
        }
    }

    @Test
    void aRestartOnTheFolderComesBackOnTheSameAddressesWithTheSameCasAndTokens() throws Exception {
        String kubeconfig;
        String euWestEndpoint;
        String usEastEndpoint;
        String euWestCa;
        try (Sandbox first = Sandbox.start(options())) {
            kubeconfig = Files.readString(first.kubeconfig());
            euWestEndpoint = first.cluster("eu-west").endpoint();
            usEastEndpoint = first.cluster("us-east").endpoint();
            euWestCa = first.cluster("eu-west").agent().caCertificatePem().orElseThrow();
        }

        try (Sandbox second = Sandbox.start(options())) {
            assertThat(Files.readString(second.kubeconfig()))
                    .as("same gateway address, CA and token")
                    .isEqualTo(kubeconfig);
            assertThat(second.cluster("eu-west").endpoint()).isEqualTo(euWestEndpoint);
            assertThat(second.cluster("us-east").endpoint()).isEqualTo(usEastEndpoint);
            assertThat(clusterNames(kubeconfig))
                    .as("a client of the first run's kubeconfig")
                    .hasSize(2);
            assertThat(directNamespaces(euWestEndpoint, euWestCa))
                    .as("a context written for the first run's direct endpoint, with its CA")
                    .contains("default", "kube-system");
        }
    }

    @Test
    void aRecordedPortTakenByAnotherProgramIsNamedWithTheFolder() throws Exception {
        int gatewayPort;
        try (Sandbox first = Sandbox.start(options())) {
            gatewayPort = Integer.parseInt(first.gatewayUrl().replaceAll(".*:", ""));
        }
        try (ServerSocket squatter = new ServerSocket(gatewayPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(squatter.isBound()).isTrue();
            assertThatThrownBy(() -> Sandbox.start(options()))
                    .isInstanceOf(MeridianException.class)
                    .hasMessageContaining("Port " + gatewayPort)
                    .hasMessageContaining(temp.resolve("sandbox").toString())
                    .hasMessageContaining("taken by another program");
        }
        // The failed start released the folder's lock. (Starting again to show it would need every recorded port
        // to be free still, which a busy machine's outgoing connections do not promise.)
        try (SandboxLock again = SandboxLock.acquire(temp.resolve("sandbox"))) {
            assertThat(again).isNotNull();
        }
    }

    private static List<String> clusterNames(String kubeconfig) {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(kubeconfig))
                .build()) {
            return client.genericKubernetesResources(FleetService.CLUSTERS).list().getItems().stream()
                    .map(c -> c.getMetadata().getName())
                    .toList();
        }
    }

    private static List<String> directNamespaces(String endpoint, String caPem) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("https://" + endpoint + "/kubernetes/cluster")
                .withCaCertData(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
                .withOauthToken(Sandbox.ADMIN_TOKEN)
                .build();
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            return client.namespaces().list().getItems().stream()
                    .map(Namespace::getMetadata)
                    .map(m -> m.getName())
                    .toList();
        }
    }
}
