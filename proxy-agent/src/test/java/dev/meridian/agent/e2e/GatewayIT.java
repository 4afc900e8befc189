package dev.meridian.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.gateway.GatewayServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import dev.meridian.agent.testing.FakeAuthority;
import dev.meridian.agent.testing.Kubectl;
import dev.meridian.agent.testing.MockApiServer;
import dev.meridian.agent.testing.RecordingAuditSink;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway in front of a management plane and connected clusters, driven by the real kubectl. */
class GatewayIT {
    static final ResourceDefinitionContext CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup("management.loft.sh")
            .withVersion("v1")
            .withKind("Cluster")
            .withPlural("clusters")
            .withNamespaced(false)
            .build();

    @TempDir
    static Path dir;

    static MockApiServer management;
    static MockApiServer clusterA;
    static MockApiServer clusterB;
    static MockApiServer clusterC;
    static FakeAuthority clusterCAuthority;
    static RunningAgent agentC;
    static final String GATEWAY_IDENTITY = "system:serviceaccount:meridian-system:meridian-gateway";
    static EchoUpstream streaming;
    static FakeAuthority authority;
    static RunningAgent gateway;
    static KubernetesClient plane;
    static final RecordingAuditSink audit = new RecordingAuditSink();

    @BeforeAll
    static void start() throws Exception {
        management = new MockApiServer();
        clusterA = new MockApiServer();
        clusterB = new MockApiServer();
        streaming = new EchoUpstream();
        streaming.on("/api/v1/namespaces", req -> {
            HttpServerResponse out =
                    req.response().putHeader("Content-Type", "application/json").setChunked(true);
            out.write("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"first\"}}}\n");
        });
        plane = management.client();
        register("a", clusterA.config("a-gateway-token"));
        register("b", clusterB.config("b-gateway-token"));
        register("w", streaming.config());
        startAgentForClusterC();
        authority = new FakeAuthority().allow(AgentHarness.ALICE_TOKEN, AgentHarness.ALICE);
        gateway = GatewayServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(-1)
                        .tls(new ServerTls.SelfSigned(dir.resolve("tls"), List.of()))
                        .upstream(ClusterSource.of(management.config("management-gateway-token")))
                        .authority(ClusterSource.of(authority.config()))
                        .shutdownGrace(Duration.ofSeconds(1))
                        .build(),
                Duration.ofMillis(300),
                InProcess.NONE.withAuditSink(audit));
    }

    /**
     * Cluster c is reached through its own agent (a plane that can reach only the cluster's direct
     * endpoint): the agent reviews the gateway's token with cluster c, trusts that identity's
     * Impersonate-* headers, and cluster c's RBAC lets it impersonate.
     */
    static void startAgentForClusterC() throws Exception {
        clusterC = new MockApiServer().allowImpersonationBy(GATEWAY_IDENTITY);
        clusterCAuthority = new FakeAuthority()
                .allow(
                        "c-gateway-token",
                        dev.meridian.agent.core.UserInfo.of(
                                GATEWAY_IDENTITY, "system:serviceaccounts", "system:serviceaccounts:meridian-system"));
        agentC = dev.meridian.agent.server.AgentServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(-1)
                        .tls(new ServerTls.SelfSigned(dir.resolve("agent-c-tls"), List.of()))
                        .upstream(ClusterSource.of(clusterC.config("c-agent-token")))
                        .authority(ClusterSource.of(clusterCAuthority.config()))
                        .trustedProxies(java.util.Set.of(GATEWAY_IDENTITY))
                        .shutdownGrace(Duration.ofSeconds(1))
                        .build(),
                InProcess.NONE.withAuditSink(agentCAudit));
        register(
                "c",
                new io.fabric8.kubernetes.client.ConfigBuilder(Config.empty())
                        .withMasterUrl("https://localhost:" + agentC.port() + "/kubernetes/cluster")
                        .withCaCertData(Base64.getEncoder()
                                .encodeToString(
                                        agentC.caCertificatePem().orElseThrow().getBytes(StandardCharsets.US_ASCII)))
                        .withOauthToken("c-gateway-token")
                        .build());
    }

    static final RecordingAuditSink agentCAudit = new RecordingAuditSink();

    /** A Cluster object and the Secret with the kubeconfig that reaches it, as vCluster Platform keeps them. */
    static void register(String name, Config target) {
        writeSecret(name, target);
        createCluster(name);
    }

    /** Creates or replaces the kubeconfig Secret of cluster {@code name}, reaching {@code target}. */
    static void writeSecret(String name, Config target) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s", certificate-authority-data: %s}}]
                users: [{name: u, user: {token: %s}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                """.formatted(
                        target.getMasterUrl().replaceAll("/$", ""), target.getCaCertData(), target.getOauthToken());
        plane.secrets()
                .inNamespace("loft")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("cluster-" + name)
                        .withNamespace("loft")
                        .endMetadata()
                        .addToData(
                                "config",
                                Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
                        .build())
                .createOr(existing -> existing.update());
    }

    static void createCluster(String name) {
        GenericKubernetesResource cluster = new GenericKubernetesResource();
        cluster.setApiVersion("management.loft.sh/v1");
        cluster.setKind("Cluster");
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).build());
        cluster.setAdditionalProperty(
                "spec",
                Map.of("config", Map.of("secretName", "cluster-" + name, "secretNamespace", "loft", "key", "config")));
        plane.genericKubernetesResources(CLUSTERS).resource(cluster).create();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        agentC.close();
        clusterCAuthority.close();
        plane.close();
        Stream.of(management, clusterA, clusterB, clusterC).forEach(MockApiServer::close);
        streaming.close();
        authority.close();
    }

    private Kubectl kubectlFor(String route) throws Exception {
        return new Kubectl(
                dir.resolve(route.replace('/', '-')),
                "https://127.0.0.1:" + gateway.port() + route,
                gateway.caCertificatePem().orElseThrow(),
                AgentHarness.ALICE_TOKEN);
    }

    @Test
    void kubectlReachesEachClusterThroughItsOwnRouteWithImpersonation() throws Exception {
        clusterA.client()
                .namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("only-in-a")
                        .endMetadata()
                        .build())
                .create();
        int seenByB = clusterB.seen().size();

        Kubectl.Result a = kubectlFor("/kubernetes/cluster/a").run("get", "ns", "-v", "6");
        assertThat(a.exitCode()).as(a.stderr()).isZero();
        assertThat(a.stderr())
                .contains("GET https://127.0.0.1:" + gateway.port()
                        + "/kubernetes/cluster/a/api/v1/namespaces?limit=500 200 OK");
        assertThat(a.stdout()).contains("only-in-a");
        assertThat(clusterA.seen()).anySatisfy(s -> {
            assertThat(s.path()).startsWith("/api/v1/namespaces");
            assertThat(s.authorization()).isEqualTo("Bearer a-gateway-token");
            assertThat(s.impersonateUser()).isEqualTo("alice");
        });
        assertThat(clusterB.seen()).hasSize(seenByB);

        Kubectl.Result b = kubectlFor("/kubernetes/cluster/b").run("get", "ns", "-v", "6");
        assertThat(b.exitCode()).as(b.stderr()).isZero();
        assertThat(b.stdout()).doesNotContain("only-in-a");
        assertThat(clusterB.seen())
                .anySatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer b-gateway-token"));
    }

    @Test
    void kubectlReachesAClusterThroughTheGatewayAndThenItsAgentAsTheSameUser() throws Exception {
        clusterC.client()
                .namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("only-in-c")
                        .endMetadata()
                        .build())
                .create();

        Kubectl.Result c = kubectlFor("/kubernetes/cluster/c").run("get", "ns", "-v", "6");

        assertThat(c.exitCode()).as(c.stderr()).isZero();
        assertThat(c.stderr())
                .contains("GET https://127.0.0.1:" + gateway.port()
                        + "/kubernetes/cluster/c/api/v1/namespaces?limit=500 200 OK");
        assertThat(c.stdout()).contains("only-in-c");
        assertThat(clusterC.seen())
                .as("cluster c sees the agent's credentials and the user the gateway reviewed")
                .anySatisfy(s -> {
                    assertThat(s.path()).startsWith("/api/v1/namespaces");
                    assertThat(s.authorization()).isEqualTo("Bearer c-agent-token");
                    assertThat(s.impersonateUser()).isEqualTo("alice");
                });
        assertThat(clusterC.seen())
                .as("the user's own token never leaves the gateway")
                .noneMatch(s -> ("Bearer " + AgentHarness.ALICE_TOKEN).equals(s.authorization()));
        await().untilAsserted(() -> assertThat(agentCAudit.events()).anySatisfy(e -> {
            assertThat(e.user().username()).isEqualTo(GATEWAY_IDENTITY);
            assertThat(e.impersonatedUser().username()).isEqualTo("alice");
            assertThat(e.impersonatedUser().groups()).containsExactlyElementsOf(AgentHarness.ALICE.groups());
        }));
    }

    @Test
    void theManagementRouteReachesTheManagementPlane() throws Exception {
        plane.namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("only-in-management")
                        .endMetadata()
                        .build())
                .create();
        Kubectl.Result mgmt = kubectlFor("/kubernetes/management").run("get", "ns");
        assertThat(mgmt.exitCode()).as(mgmt.stderr()).isZero();
        assertThat(mgmt.stdout()).contains("only-in-management");
        assertThat(management.seen()).anySatisfy(s -> {
            assertThat(s.authorization()).isEqualTo("Bearer management-gateway-token");
            assertThat(s.impersonateUser()).isEqualTo("alice");
        });
    }

    @Test
    void unknownClustersAndPathsThatHopToAnotherClusterAre404() throws Exception {
        HttpClient http = client();
        for (String path : List.of(
                "/kubernetes/cluster/nope/api/v1/namespaces",
                "/kubernetes/cluster/a/../b/api/v1/namespaces",
                "/kubernetes/cluster/a/%2e%2e/b/api/v1/namespaces")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Authorization", "Bearer " + AgentHarness.ALICE_TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void removingAClusterEndsItsOpenWatchAndItsRoute() throws Exception {
        HttpClient http = client();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> watch = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base() + "/kubernetes/cluster/w/api/v1/namespaces?watch=true"))
                        .header("Authorization", "Bearer " + AgentHarness.ALICE_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        lines.add(line);
                    }

                    @Override
                    public void onError(Throwable t) {}

                    @Override
                    public void onComplete() {}
                }));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(lines).anyMatch(l -> l.contains("first")));
        assertThat(watch).isNotDone();

        plane.genericKubernetesResources(CLUSTERS).withName("w").delete();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(watch).isDone());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(base() + "/kubernetes/cluster/w/api/v1/namespaces"))
                                                .header("Authorization", "Bearer " + AgentHarness.ALICE_TOKEN)
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .isEqualTo(404));
    }

    @Test
    void aRotatedKubeconfigSecretMovesTheRouteWithoutTouchingTheCluster() throws Exception {
        register("rotating", clusterA.config("rotating-token-1"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(get("/kubernetes/cluster/rotating/api/v1/namespaces"))
                        .isEqualTo(200));
        assertThat(clusterA.seen())
                .anySatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer rotating-token-1"));

        writeSecret("rotating", clusterB.config("rotating-token-2"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(get("/kubernetes/cluster/rotating/api/v1/namespaces")).isEqualTo(200);
            assertThat(clusterB.seen())
                    .as("the rotated kubeconfig's cluster and token are used")
                    .anySatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer rotating-token-2"));
        });
    }

    @Test
    void aClusterWhoseSecretAppearsLateIsRoutedOnceItExists() throws Exception {
        createCluster("late");
        assertThat(get("/kubernetes/cluster/late/api/v1/namespaces")).isEqualTo(404);

        writeSecret("late", clusterA.config("late-token"));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(get("/kubernetes/cluster/late/api/v1/namespaces"))
                        .isEqualTo(200));
        assertThat(clusterA.seen())
                .anySatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer late-token"));
    }

    private static int get(String path) throws Exception {
        return client().send(
                        HttpRequest.newBuilder(URI.create(base() + path))
                                .header("Authorization", "Bearer " + AgentHarness.ALICE_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String base() {
        return "https://127.0.0.1:" + gateway.port();
    }

    private static HttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry(
                "gateway",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(
                                gateway.caCertificatePem().orElseThrow().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(ssl)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
