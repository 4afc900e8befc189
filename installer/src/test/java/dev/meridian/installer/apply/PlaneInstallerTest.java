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
    CompletableFuture<Change> install = CompletableFuture
        .supplyAsync(() -> installer.installCrd(InstallOptions.defaults(), events::add)).orTimeout(30, TimeUnit.SECONDS);
    var crd = client.apiextensions().v1().customResourceDefinitions().withName("clusters.management.loft.sh");
    await().until(() -> crd.get() != null);
    assertThat(install).isNotDone();

    crd.editStatus(c -> {
      c.setStatus(new CustomResourceDefinitionStatusBuilder()
          .addNewCondition().withType("Established").withStatus("True").endCondition().build());
      return c;
    });

    assertThat(install.join()).isEqualTo(Change.CREATED);
    assertThat(installer.installCrd(InstallOptions.defaults(), events::add)).isEqualTo(Change.UNCHANGED);
    assertThat(crd.get().getSpec()).isEqualTo(PlaneManifests.clusterCrd().getSpec());
  }

  @Test
  void provisionsATokenReviewerAndReturnsAKubeconfigForTheAgent() {
    CompletableFuture<String> provision = CompletableFuture
        .supplyAsync(() -> installer.provisionAuthority(NS, "eu-west", InstallOptions.defaults(), events::add))
        .orTimeout(30, TimeUnit.SECONDS);
    var token = client.secrets().inNamespace(NS).withName("meridian-authority-eu-west");
    await().until(() -> token.get() != null);
    assertThat(provision).isNotDone();

    // Plays the token controller.
    token.edit(s -> {
      s.setData(java.util.Map.of(
          "token", b64("eyJhbGciOi.jwt"), "ca.crt", b64(CA_PEM), "namespace", b64(NS)));
      return s;
    });
    String kubeconfig = provision.join();

    Config config = Config.fromKubeconfig(kubeconfig);
    assertThat(config.getMasterUrl()).as("the plane as the installer reached it")
        .isEqualTo(client.getConfiguration().getMasterUrl()).endsWith(":" + cluster.server().getPort() + "/");
    assertThat(config.getAutoOAuthToken()).isEqualTo("eyJhbGciOi.jwt");
    assertThat(config.getCaCertData()).isEqualTo(b64(CA_PEM));
    assertThat(events).filteredOn(e -> e instanceof ProgressEvent.ObjectApplied).hasSize(5);
    InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
        .authority(Authority.managementPlane(kubeconfig)).build();
    Secret inAgentCluster = (Secret) AgentManifests.build(spec).stream()
        .filter(o -> o instanceof Secret).findFirst().orElseThrow();
    assertThat(inAgentCluster.getStringData()).containsEntry("kubeconfig", kubeconfig);
  }

  @Test
  void removingTheAuthorityKeepsTheSharedRole() {
    client.secrets().inNamespace(NS).resource(PlaneManifests.tokenSecret(NS, "eu-west")).create();
    PlaneManifests.authorityObjects(NS, "eu-west").forEach(o -> client.resource(o).createOr(x -> x.update()));

    List<ObjectRef> deleted = installer.removeAuthority(NS, "eu-west", events::add);

    assertThat(deleted).containsExactly(
        new ObjectRef("ClusterRoleBinding", null, "meridian-authority-eu-west"),
        new ObjectRef("Secret", NS, "meridian-authority-eu-west"),
        new ObjectRef("ServiceAccount", NS, "meridian-authority-eu-west"));
    assertThat(client.rbac().clusterRoles().withName("meridian-token-reviewer").get()).isNotNull();
  }

  @Test
  void tokenThatNeverComesTimesOutNamingTheSecret() {
    assertThatThrownBy(() -> installer.provisionAuthority(NS, "eu-west",
            InstallOptions.defaults().withTimeout(Duration.ofMillis(500)), events::add))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("waiting for the token of ServiceAccount meridian-system/meridian-authority-eu-west");
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
