package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.Authority;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.PlaneManifests;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlaneInstallerTest {

    private static final String NS = PlaneManifests.DEFAULT_NAMESPACE;
    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private final PlaneInstaller installer =
            new PlaneInstaller(client, new CreateOrReplaceApplier(client), Duration.ofMillis(50));
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void installsTheClusterCrdAndWaitsUntilItIsEstablished() {
        CompletableFuture<Change> install = CompletableFuture.supplyAsync(
                        () -> installer.installCrd(InstallOptions.defaults(), events::add))
                .orTimeout(30, TimeUnit.SECONDS);
        var crd = client.apiextensions().v1().customResourceDefinitions().withName("clusters.management.loft.sh");
        await().until(() -> crd.get() != null);
        assertThat(install).isNotDone();

        crd.editStatus(c -> {
            c.setStatus(new CustomResourceDefinitionStatusBuilder()
                    .addNewCondition()
                    .withType("Established")
                    .withStatus("True")
                    .endCondition()
                    .build());
            return c;
        });

        assertThat(install.join()).isEqualTo(Change.CREATED);
        assertThat(installer.installCrd(InstallOptions.defaults(), events::add)).isEqualTo(Change.UNCHANGED);
        assertThat(crd.get().getSpec()).isEqualTo(PlaneManifests.clusterCrd().getSpec());
    }

    @Test
    void provisionsATokenReviewerAndReturnsAKubeconfigForTheAgent() {
        CompletableFuture<String> provision = CompletableFuture.supplyAsync(
                        () -> installer.provisionAuthority(NS, "eu-west", InstallOptions.defaults(), events::add))
                .orTimeout(30, TimeUnit.SECONDS);
        var token = client.secrets().inNamespace(NS).withName("meridian-authority-eu-west");
        await().until(() -> token.get() != null);
        assertThat(provision).isNotDone();

        // Plays the token controller.
        token.edit(s -> {
            s.setData(java.util.Map.of("token", b64("eyJhbGciOi.jwt"), "ca.crt", b64(CA_PEM), "namespace", b64(NS)));
            return s;
        });
        String kubeconfig = provision.join();

        Config config = Config.fromKubeconfig(kubeconfig);
        assertThat(config.getMasterUrl())
                .as("the plane as the installer reached it")
                .isEqualTo(client.getConfiguration().getMasterUrl())
                .endsWith(":" + cluster.server().getPort() + "/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("eyJhbGciOi.jwt");
        assertThat(config.getCaCertData()).isEqualTo(b64(CA_PEM));
        assertThat(events)
                .filteredOn(e -> e instanceof ProgressEvent.ObjectApplied)
                .hasSize(5);
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .authority(Authority.managementPlane(kubeconfig))
                .build();
        Secret inAgentCluster = (Secret) AgentManifests.build(spec).stream()
                .filter(o -> o instanceof Secret)
                .findFirst()
                .orElseThrow();
        assertThat(inAgentCluster.getStringData()).containsEntry("kubeconfig", kubeconfig);
    }

    @Test
    void removingTheAuthorityKeepsTheSharedRole() {
        client.secrets()
                .inNamespace(NS)
                .resource(PlaneManifests.tokenSecret(NS, "eu-west"))
                .create();
        PlaneManifests.authorityObjects(NS, "eu-west")
                .forEach(o -> client.resource(o).createOr(x -> x.update()));

        List<ObjectRef> deleted = installer.removeAuthority(NS, "eu-west", events::add);

        assertThat(deleted)
                .containsExactly(
                        new ObjectRef("ClusterRoleBinding", null, "meridian-authority-eu-west"),
                        new ObjectRef("Secret", NS, "meridian-authority-eu-west"),
                        new ObjectRef("ServiceAccount", NS, "meridian-authority-eu-west"));
        assertThat(client.rbac()
                        .clusterRoles()
                        .withName("meridian-token-reviewer")
                        .get())
                .isNotNull();
    }

    @Test
    void tokenThatNeverComesTimesOutNamingTheSecret() {
        assertThatThrownBy(() -> installer.provisionAuthority(
                        NS, "eu-west", InstallOptions.defaults().withTimeout(Duration.ofMillis(500)), events::add))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining(
                        "waiting for the token of ServiceAccount meridian-system/meridian-authority-eu-west");
    }

    @Test
    void deploysTheGatewayWithTheAgentsObjectsItsOwnRightsAndRecordsWhereItIs() {
        InstallSpec spec = InstallSpec.gatewayBuilder("gateway.example.com")
                .clusterIssuer("letsencrypt")
                .build();

        InstallResult result =
                installer.installGateway(spec, InstallOptions.defaults().withWaitForRollout(false), events::add);

        assertThat(result.namespace()).isEqualTo(NS);
        var deployment = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("loft-agent")
                .get();
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .contains("--mode=gateway");
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/component", "central-gateway");
        var ingress = client.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName("loft-agent-ingress")
                .get();
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("gateway.example.com");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "43200");
        var clusterRole = client.rbac()
                .clusterRoles()
                .withName("meridian-loft-agent-" + NS)
                .get();
        assertThat(clusterRole.getRules()).anySatisfy(rule -> {
            assertThat(rule.getResources()).containsExactly("clusters");
            assertThat(rule.getVerbs()).containsExactly("get", "list", "watch");
        });
        assertThat(client.rbac()
                        .roles()
                        .inNamespace(NS)
                        .withName("loft-agent-ca")
                        .get()
                        .getRules())
                .as("the kubeconfig Secrets of its own namespace, read only")
                .anySatisfy(rule -> {
                    assertThat(rule.getResources()).containsExactly("secrets");
                    assertThat(rule.getResourceNames()).isEmpty();
                    assertThat(rule.getVerbs()).containsExactly("get");
                });

        var record =
                client.configMaps().inNamespace(NS).withName("meridian-gateway").get();
        assertThat(record.getData()).containsExactly(java.util.Map.entry("url", "https://gateway.example.com"));
        var reader = client.rbac()
                .roleBindings()
                .inNamespace(NS)
                .withName("meridian-gateway-reader")
                .get();
        assertThat(reader.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("Group");
            assertThat(s.getName()).isEqualTo("system:authenticated");
        });
        assertThat(client.rbac()
                        .roles()
                        .inNamespace(NS)
                        .withName("meridian-gateway-reader")
                        .get()
                        .getRules())
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getResourceNames()).containsExactly("meridian-gateway");
                    assertThat(rule.getVerbs()).containsExactly("get");
                });
    }

    @Test
    void aGatewayReviewsTokensOnlyWithItsOwnPlaneAndAnAgentSpecIsNotAGateway() {
        assertThatThrownBy(() -> InstallSpec.gatewayBuilder("gateway.example.com")
                        .authority(Authority.managementPlane("kubeconfig"))
                        .build())
                .hasMessageContaining("the gateway reviews tokens with the management plane it runs in");
        InstallSpec agent = InstallSpec.builder("eu-west", "agent.example.com").build();
        assertThat(dev.meridian.installer.manifest.DeploymentManifest.args(agent))
                .noneMatch(a -> a.startsWith("--mode"));
        assertThatThrownBy(() -> installer.installGateway(agent, InstallOptions.defaults(), events::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
