package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.server.RunningAgent;
import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.cli.CliRun;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.health.Prober;
import dev.meridian.installer.apply.AgentInstaller;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.ProgressListener;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.AgentNames;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox runs what the installer applies to a central-only cluster. The objects are created
 * here with the fabric8 client from the installer's own manifests (the simulated servers gain
 * server-side apply separately; `meridian agent install --cluster ap-south` then drives the same path).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxInstallTest {
    private static final String NS = InstallSpec.DEFAULT_NAMESPACE;
    /** A fourth cluster, central-only until the install (the scenarios repeat from the first). */
    private static final String FLOW_CLUSTER = "sa-east";

    @TempDir
    static Path folder;

    private Sandbox sandbox;

    /** One sandbox for the class (its simulated servers are slow to start); each test takes its own cluster. */
    @BeforeAll
    void start() {
        List<String> clusters = new ArrayList<>(SandboxOptions.DEFAULT_CLUSTERS);
        clusters.add(FLOW_CLUSTER);
        sandbox = Sandbox.start(new SandboxOptions(folder, clusters, Map.of()));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private static InstallSpec spec(String cluster, String image) {
        return InstallSpec.builder(cluster, "localhost")
                .clusterIssuer(SandboxIssuer.NAME)
                .image(image)
                .build();
    }

    private void create(InstallSpec spec) {
        for (HasMetadata object : AgentManifests.build(spec)) {
            client(spec.clusterName()).resource(object).createOr(existing -> existing.update());
        }
    }

    @Test
    void installedObjectsRunAnAgentBehindATlsIngressAndUninstallStopsBoth() throws Exception {
        KubernetesClient apSouth = client("ap-south");
        create(spec("ap-south", "meridian/agent:1.0.0"));

        Deployment ready = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deployment(apSouth),
                        d -> d.getStatus() != null
                                && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()));
        assertThat(ready.getStatus().getObservedGeneration())
                .isEqualTo(ready.getMetadata().getGeneration());
        assertThat(ready.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(ready.getStatus().getConditions())
                .extracting(c -> c.getType() + "=" + c.getStatus())
                .containsExactlyInAnyOrder("Available=True", "Progressing=True");

        Secret tls = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> apSouth.secrets()
                                .inNamespace(NS)
                                .withName(InstallSpec.DEFAULT_TLS_SECRET)
                                .get(),
                        s -> s != null && s.getData() != null && s.getData().containsKey("ca.crt"));
        String caPem = Files.readString(folder.resolve("issuer").resolve("ca.crt"));
        assertThat(decoded(tls.getData().get("ca.crt"))).isEqualTo(caPem);
        int port = ingressPort(apSouth);
        assertThat(sandbox.installs("ap-south").ingressPort()).contains(port);

        HttpClient http = HttpClient.newBuilder().sslContext(trusting(caPem)).build();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/healthz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> namespaces = http.send(
                HttpRequest.newBuilder(
                                URI.create("https://localhost:" + port + "/kubernetes/cluster/api/v1/namespaces"))
                        .header("Authorization", "Bearer " + Sandbox.ADMIN_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(namespaces.statusCode()).as(namespaces.body()).isEqualTo(200);
        assertThat(namespaces.body()).contains("\"kube-system\"").contains("\"" + NS + "\"");

        apSouth.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName(ingressName(apSouth))
                .delete();
        apSouth.apps().deployments().inNamespace(NS).withName(AgentNames.AGENT).delete();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.installs("ap-south").agent(NS)).isEmpty();
            assertThat(sandbox.installs("ap-south").ingressPort()).isEmpty();
        });
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aChangedDeploymentRestartsTheAgentAndReportsTheNewGeneration() {
        create(spec("eu-west", "meridian/agent:1.0.0"));
        RunningAgent first = await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.installs("eu-west").agent(NS).orElse(null), a -> a != null);

        create(spec("eu-west", "meridian/agent:1.1.0"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.installs("eu-west").agent(NS)).isPresent().get().isNotSameAs(first);
            Deployment upgraded = deployment(client("eu-west"));
            assertThat(upgraded.getStatus().getObservedGeneration())
                    .isEqualTo(upgraded.getMetadata().getGeneration());
        });
        assertThat(first.isReady()).isFalse();
    }

    @Test
    void theCliDefaultsToTheSandboxHostAndIssuerAndReachesTheClusterWithoutATargetContext() {
        CliRun dryRun = meridian("agent", "install", "--cluster", "us-east", "--dry-run", "-o", "yaml");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out())
                .contains("host: localhost")
                .contains("cert-manager.io/cluster-issuer: " + SandboxIssuer.NAME);

        create(spec("us-east", "meridian/agent:1.0.0"));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deployment(client("us-east")),
                        d -> d.getStatus() != null
                                && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.installs("us-east").ingressPort().isPresent());
        CliRun status = meridian("agent", "status", "--cluster", "us-east");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out())
                .contains("2/2 ready")
                .contains("INGRESS for localhost")
                .contains("127.0.0.1");

        CliRun uninstall = meridian("agent", "uninstall", "--cluster", "us-east");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.installs("us-east").agent(NS)).isEmpty();
            assertThat(sandbox.installs("us-east").ingressPort()).isEmpty();
        });
    }

    /**
     * The install flow the CLI and the wizard run, with create-or-replace in place of server-side apply: the
     * Cluster gets the ingress's host:port and the sandbox CA, and the endpoint's health is UP.
     */
    @Test
    void theInstallFlowRecordsTheIngressEndpointAndTheSandboxCaAndProbesItUp() throws Exception {
        Config plane = Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()));
        AgentInstallFlow flow = new AgentInstallFlow(
                c -> new AgentInstaller(c, new CreateOrReplaceApplier(c), Duration.ofMillis(100)),
                Prober::create,
                Clock.systemUTC());
        try (KubernetesClient management =
                new KubernetesClientBuilder().withConfig(plane).build()) {
            AgentInstallFlow.Outcome outcome = flow.install(
                    client(FLOW_CLUSTER),
                    new FleetService(management, Clock.systemUTC()),
                    InstallSpec.builder(FLOW_CLUSTER, SandboxInstallDefaults.HOST)
                            .clusterIssuer(SandboxInstallDefaults.CLUSTER_ISSUER)
                            .build(),
                    InstallOptions.defaults().withTimeout(Duration.ofSeconds(60)),
                    ProgressListener.NONE);

            int port = sandbox.installs(FLOW_CLUSTER).ingressPort().orElseThrow();
            Map<String, String> annotations = management
                    .genericKubernetesResources(FleetService.CLUSTERS)
                    .withName(FLOW_CLUSTER)
                    .get()
                    .getMetadata()
                    .getAnnotations();
            assertThat(annotations)
                    .containsEntry(Annotations.ENDPOINT, "localhost:" + port)
                    .containsEntry(
                            Annotations.CA_DATA,
                            Base64.getEncoder()
                                    .encodeToString(Files.readAllBytes(
                                            folder.resolve("issuer").resolve("ca.crt"))));
            assertThat(outcome.health()).isPresent();
            assertThat(outcome.health().get().isUp())
                    .as(outcome.health().get().toString())
                    .isTrue();
        }
    }

    private CliRun meridian(String... args) {
        return CliRun.run(
                folder.resolve("home"),
                Map.of("KUBECONFIG", sandbox.kubeconfig().toString()),
                args);
    }

    private KubernetesClient client(String cluster) {
        return sandbox.cluster(cluster).api().client();
    }

    private static Deployment deployment(KubernetesClient cluster) {
        return cluster.apps()
                .deployments()
                .inNamespace(NS)
                .withName(AgentNames.AGENT)
                .get();
    }

    private static String ingressName(KubernetesClient cluster) {
        return cluster.network().v1().ingresses().inNamespace(NS).list().getItems().stream()
                .filter(i -> ServedIngresses.agentHost(i).isPresent())
                .findFirst()
                .orElseThrow()
                .getMetadata()
                .getName();
    }

    private static int ingressPort(KubernetesClient cluster) {
        Ingress ingress = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> cluster.network()
                                .v1()
                                .ingresses()
                                .inNamespace(NS)
                                .withName(ingressName(cluster))
                                .get(),
                        i -> i.getStatus() != null
                                && i.getStatus().getLoadBalancer() != null
                                && i.getStatus().getLoadBalancer().getIngress() != null
                                && !i.getStatus().getLoadBalancer().getIngress().isEmpty());
        var point = ingress.getStatus().getLoadBalancer().getIngress().get(0);
        assertThat(point.getIp()).isEqualTo("127.0.0.1");
        return point.getPorts().get(0).getPort();
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static SSLContext trusting(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry(
                "sandbox",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
