package dev.meridian.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.FakeAuthority;
import dev.meridian.agent.testing.Kubectl;
import dev.meridian.agent.testing.MockApiServer;
import dev.meridian.agent.testing.RecordingAuditSink;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl, through the agent over TLS, against fabric8's CRUD mock API server. */
class KubectlThroughAgentIT {
    @TempDir
    static Path dir;

    static MockApiServer mock;
    static FakeAuthority authority;
    static RunningAgent agent;
    static Kubectl kubectl;
    static final RecordingAuditSink audit = new RecordingAuditSink();

    @BeforeAll
    static void start() throws Exception {
        mock = new MockApiServer();
        authority = new FakeAuthority().allow(AgentHarness.ALICE_TOKEN, AgentHarness.ALICE);
        agent = AgentServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(0)
                        .tls(new ServerTls.SelfSigned(dir.resolve("tls"), List.of()))
                        .caFile(dir.resolve("ca.crt"))
                        .upstream(ClusterSource.of(mock.config("agent-sa-token")))
                        .authority(ClusterSource.of(authority.config()))
                        .shutdownGrace(Duration.ofSeconds(2))
                        .build(),
                InProcess.NONE.withAuditSink(audit));
        kubectl = new Kubectl(
                dir,
                "https://127.0.0.1:" + agent.port() + "/kubernetes/cluster",
                agent.caCertificatePem().orElseThrow(),
                AgentHarness.ALICE_TOKEN);
        try (KubernetesClient direct = mock.client()) {
            direct.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("team-a")
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        authority.close();
        mock.close();
    }

    @Test
    void kubectlGetNamespacesGoesThroughTheAgentWithImpersonation() throws Exception {
        Kubectl.Result r = kubectl.run("get", "ns", "-v", "6").assertOk();
        assertThat(r.stderr())
                .contains("GET https://127.0.0.1:" + agent.port()
                        + "/kubernetes/cluster/api/v1/namespaces?limit=500 200 OK");
        assertThat(r.stdout()).contains("team-a");
        MockApiServer.Seen list = mock.seen().stream()
                .filter(s -> s.path().startsWith("/api/v1/namespaces?limit=500"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(list.authorization()).isEqualTo("Bearer agent-sa-token");
        assertThat(list.impersonateUser()).isEqualTo("alice");
    }

    @Test
    void kubectlCreatesAnnotatesLabelsAndDeletesThroughTheAgent() throws Exception {
        Path manifest = dir.resolve("cm.yaml");
        Files.writeString(manifest, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: team-a
                data:
                  mode: fast
                """);
        kubectl.run("create", "--validate=false", "-f", manifest.toString()).assertOk();
        kubectl.run("annotate", "configmap", "settings", "-n", "team-a", "example.com/owner=alice")
                .assertOk();
        kubectl.run("label", "configmap", "settings", "-n", "team-a", "tier=gold")
                .assertOk();
        try (KubernetesClient direct = mock.client()) {
            ConfigMap stored = direct.configMaps()
                    .inNamespace("team-a")
                    .withName("settings")
                    .get();
            assertThat(stored.getData()).containsEntry("mode", "fast");
            assertThat(stored.getMetadata().getAnnotations()).containsEntry("example.com/owner", "alice");
            assertThat(stored.getMetadata().getLabels()).containsEntry("tier", "gold");
        }
        assertThat(kubectl.run("get", "configmap", "settings", "-n", "team-a", "-o", "jsonpath={.data.mode}")
                        .assertOk()
                        .stdout())
                .isEqualTo("fast");
        kubectl.run("delete", "configmap", "settings", "-n", "team-a").assertOk();
        try (KubernetesClient direct = mock.client()) {
            assertThat(direct.configMaps()
                            .inNamespace("team-a")
                            .withName("settings")
                            .get())
                    .isNull();
        }
    }

    @Test
    @SuppressWarnings("try") // the watch is held open by its try block, never read
    void fabric8WebSocketWatchStreamsThroughTheAgent() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (KubernetesClient viaAgent = new KubernetesClientBuilder()
                        .withConfig(new ConfigBuilder()
                                .withMasterUrl("https://127.0.0.1:" + agent.port() + "/kubernetes/cluster")
                                .withCaCertData(Base64.getEncoder()
                                        .encodeToString(agent.caCertificatePem()
                                                .orElseThrow()
                                                .getBytes()))
                                .withOauthToken(AgentHarness.ALICE_TOKEN)
                                .build())
                        .build();
                Watch ignored = viaAgent.configMaps().inNamespace("team-a").watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        events.add(action + " " + resource.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                });
                KubernetesClient direct = mock.client()) {
            direct.configMaps()
                    .inNamespace("team-a")
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("watched")
                            .endMetadata()
                            .addToData("k", "v")
                            .build())
                    .create();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(events).contains("ADDED watched"));
        }
    }

    @Test
    void theSelfSignedCaIsWrittenToTheCaFile() throws Exception {
        assertThat(Files.readString(dir.resolve("ca.crt")))
                .isEqualTo(agent.caCertificatePem().orElseThrow())
                .startsWith("-----BEGIN CERTIFICATE-----");
    }
}
