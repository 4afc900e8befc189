package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.installer.apply.ClusterConnector.ConnectResult;
import dev.meridian.installer.apply.ClusterConnector.ConnectSpec;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterConnectorTest {

    private static final String NS = "meridian-system";
    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";

    private final MockCluster planeCluster = new MockCluster();
    private final MockCluster targetCluster = new MockCluster();
    private final KubernetesClient plane = planeCluster.client();
    private final KubernetesClient target = targetCluster.client();
    private final ClusterConnector connector =
            new ClusterConnector(plane, new CreateOrReplaceApplier(plane), Duration.ofMillis(50));
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        planeCluster.close();
        targetCluster.close();
    }

    @Test
    void connectStoresAKubeconfigWithTheGatewaysTokenAndCreatesTheCluster() {
        ConnectResult result = connectPlayingTheTokenController(new ConnectSpec("eu-west", "EU West", null, null));

        String targetUrl = target.getConfiguration().getMasterUrl();
        assertThat(result.server())
                .as("the URL the target context uses")
                .isEqualTo(targetUrl.replaceAll("/$", ""))
                .endsWith(":" + targetCluster.server().getPort());
        assertThat(result.cluster()).isEqualTo(Change.CREATED);

        Secret stored = plane.secrets()
                .inNamespace(NS)
                .withName("meridian-cluster-eu-west")
                .get();
        Config kubeconfig = Config.fromKubeconfig(
                new String(Base64.getDecoder().decode(stored.getData().get("config")), StandardCharsets.UTF_8));
        assertThat(kubeconfig.getMasterUrl()).isEqualTo(targetUrl);
        assertThat(kubeconfig.getAutoOAuthToken()).isEqualTo("gateway.jwt");
        assertThat(kubeconfig.getCaCertData()).isEqualTo(b64(CA_PEM));

        GenericKubernetesResource cluster = plane.genericKubernetesResources(ClusterConnector.CLUSTERS)
                .withName("eu-west")
                .get();
        assertThat(cluster.getAdditionalProperties().get("spec"))
                .isEqualTo(Map.of(
                        "displayName",
                        "EU West",
                        "config",
                        Map.of("secretName", "meridian-cluster-eu-west", "secretNamespace", NS, "key", "config")));
    }

    @Test
    void aServerWithItsOwnCaIsStoredWithThatCaInsteadOfTheClusters() {
        String endpointCa = b64("-----BEGIN CERTIFICATE-----\nendpoint\n-----END CERTIFICATE-----\n");
        connectPlayingTheTokenController(
                new ConnectSpec("eu-west", null, "https://agent.eu.example.com/kubernetes/cluster", null, endpointCa));

        Config kubeconfig = Config.fromKubeconfig(new String(
                Base64.getDecoder()
                        .decode(plane.secrets()
                                .inNamespace(NS)
                                .withName("meridian-cluster-eu-west")
                                .get()
                                .getData()
                                .get("config")),
                StandardCharsets.UTF_8));
        assertThat(kubeconfig.getMasterUrl()).isEqualTo("https://agent.eu.example.com/kubernetes/cluster/");
        assertThat(kubeconfig.getCaCertData())
                .as("the endpoint's CA, not the API server's")
                .isEqualTo(endpointCa);
        assertThat(kubeconfig.getAutoOAuthToken()).isEqualTo("gateway.jwt");
    }

    @Test
    void theGatewayMayOnlyImpersonateInTheConnectedCluster() {
        connectPlayingTheTokenController(new ConnectSpec("eu-west", null, null, null));

        ClusterRole role = target.rbac()
                .clusterRoles()
                .withName("meridian-gateway-impersonator")
                .get();
        assertThat(role.getRules()).flatExtracting(PolicyRule::getVerbs).containsOnly("impersonate");
        var binding = target.rbac()
                .clusterRoleBindings()
                .withName("meridian-gateway-impersonator-" + NS)
                .get();
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo("meridian-gateway");
            assertThat(s.getNamespace()).isEqualTo(NS);
        });
    }

    @Test
    void reconnectingKeepsTheClustersAnnotationsAndOtherFields() {
        GenericKubernetesResource existing =
                dev.meridian.installer.manifest.ConnectManifests.cluster("eu-west", "Old name");
        existing.getMetadata().setAnnotations(Map.of("loft.sh/direct-cluster-endpoint", "eu.example.com"));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) existing.getAdditionalProperties().get("spec");
        spec.put("owner", Map.of("user", "admin"));
        spec.put("config", Map.of("secretName", "elsewhere", "secretNamespace", "loft", "key", "config"));
        plane.genericKubernetesResources(ClusterConnector.CLUSTERS)
                .resource(existing)
                .create();

        ConnectResult first =
                connectPlayingTheTokenController(new ConnectSpec("eu-west", null, "https://10.0.0.1:6443", null));
        ConnectResult again = connector.connect(
                target,
                new CreateOrReplaceApplier(target),
                new ConnectSpec("eu-west", null, "https://10.0.0.1:6443", null),
                InstallOptions.defaults(),
                events::add);

        assertThat(first.cluster()).isEqualTo(Change.CONFIGURED);
        assertThat(again.cluster()).isEqualTo(Change.UNCHANGED);
        GenericKubernetesResource cluster = plane.genericKubernetesResources(ClusterConnector.CLUSTERS)
                .withName("eu-west")
                .get();
        assertThat(cluster.getMetadata().getAnnotations())
                .containsEntry("loft.sh/direct-cluster-endpoint", "eu.example.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> now =
                (Map<String, Object>) cluster.getAdditionalProperties().get("spec");
        assertThat(now)
                .containsEntry("displayName", "Old name")
                .containsEntry("owner", Map.of("user", "admin"))
                .containsEntry(
                        "config",
                        Map.of("secretName", "meridian-cluster-eu-west", "secretNamespace", NS, "key", "config"));
        assertThat(Config.fromKubeconfig(new String(
                                Base64.getDecoder()
                                        .decode(plane.secrets()
                                                .inNamespace(NS)
                                                .withName("meridian-cluster-eu-west")
                                                .get()
                                                .getData()
                                                .get("config")),
                                StandardCharsets.UTF_8))
                        .getMasterUrl())
                .as("the server the plane reaches the cluster at, as given")
                .isEqualTo("https://10.0.0.1:6443/");
    }

    @Test
    void disconnectRemovesTheClusterItsSecretAndTheGatewaysIdentity() {
        connectPlayingTheTokenController(new ConnectSpec("eu-west", null, null, null));

        List<ObjectRef> deleted = connector.disconnect("eu-west", target, null, events::add);

        assertThat(deleted)
                .extracting(ObjectRef::kind)
                .containsExactly("Cluster", "Secret", "ClusterRoleBinding", "ClusterRole", "Secret", "ServiceAccount");
        assertThat(plane.genericKubernetesResources(ClusterConnector.CLUSTERS)
                        .withName("eu-west")
                        .get())
                .isNull();
        assertThat(plane.secrets()
                        .inNamespace(NS)
                        .withName("meridian-cluster-eu-west")
                        .get())
                .isNull();
        assertThat(target.serviceAccounts()
                        .inNamespace(NS)
                        .withName("meridian-gateway")
                        .get())
                .isNull();
        assertThat(connector.disconnect("eu-west", target, null, events::add))
                .as("a second run finds nothing")
                .isEmpty();
    }

    @Test
    void aTokenThatNeverComesTimesOutNamingTheSecret() {
        assertThatThrownBy(() -> connector.connect(
                        target,
                        new CreateOrReplaceApplier(target),
                        new ConnectSpec("eu-west", null, null, null),
                        InstallOptions.defaults().withTimeout(Duration.ofMillis(300)),
                        events::add))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("the token of ServiceAccount meridian-system/meridian-gateway");
        assertThat(plane.genericKubernetesResources(ClusterConnector.CLUSTERS)
                        .withName("eu-west")
                        .get())
                .as("nothing is registered without a credential")
                .isNull();
    }

    @Test
    void badNamesAndServersAreRefusedBeforeAnythingIsApplied() {
        assertThatThrownBy(() -> new ConnectSpec("EU_West", null, null, null))
                .hasMessageContaining("not a valid cluster name");
        assertThatThrownBy(() -> new ConnectSpec("eu-west", null, "http://10.0.0.1", null))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> new ConnectSpec("eu-west", null, null, "Bad NS"))
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> new ConnectSpec("eu-west", null, null, null, b64(CA_PEM)))
                .hasMessageContaining("needs the server URL");
    }

    private ConnectResult connectPlayingTheTokenController(ConnectSpec spec) {
        CompletableFuture<ConnectResult> connect = CompletableFuture.supplyAsync(() -> connector.connect(
                        target, new CreateOrReplaceApplier(target), spec, InstallOptions.defaults(), events::add))
                .orTimeout(30, TimeUnit.SECONDS);
        var token = target.secrets().inNamespace(spec.namespace()).withName("meridian-gateway-token");
        await().until(() -> token.get() != null);
        token.edit(s -> {
            s.setData(Map.of("token", b64("gateway.jwt"), "ca.crt", b64(CA_PEM)));
            return s;
        });
        return connect.join();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
