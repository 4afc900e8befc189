package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An Ingress install takes the ingress's published port and a private issuer's CA, as a cluster hands them out. */
class IngressCertificateTest {
    private static final String NS = "vcluster-pro";
    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private final AgentInstaller installer =
            new AgentInstaller(client, new CreateOrReplaceApplier(client), Duration.ofMillis(50));
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final InstallSpec issued = InstallSpec.builder("ap-south", "localhost")
            .clusterIssuer("sandbox-ca")
            .build();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void waitsForTheIssuedCertificateAndReturnsItsCaAndThePublishedPort() {
        CompletableFuture<InstallResult> install =
                CompletableFuture.supplyAsync(() -> installer.install(issued, InstallOptions.defaults(), events::add));
        markReady();
        publishPort(8443);
        await().untilAsserted(() -> assertThat(events).anyMatch(e -> e instanceof ProgressEvent.RolloutComplete));
        assertThat(install).as("the certificate is not issued yet").isNotDone();

        writeTlsSecret(CA_PEM);
        InstallResult result = install.join();

        assertThat(result.caPem()).isEqualTo(CA_PEM);
        assertThat(result.endpoint()).isEqualTo("localhost:8443");
        assertThat(events)
                .last()
                .isEqualTo(new ProgressEvent.CaCertificateRead(
                        new ObjectRef("Secret", NS, InstallSpec.DEFAULT_TLS_SECRET)));
    }

    @Test
    void aPublicIssuersCertificateRecordsNoCaAndPort443NoPort() {
        CompletableFuture<InstallResult> install =
                CompletableFuture.supplyAsync(() -> installer.install(issued, InstallOptions.defaults(), events::add));
        markReady();
        publishPort(443);
        writeTlsSecret("");

        InstallResult result = install.join();

        assertThat(result.caPem()).isNull();
        assertThat(result.endpoint()).isEqualTo("localhost");
    }

    @Test
    void aCertificateThatNeverComesTimesOutNamingTheIssuer() {
        CompletableFuture<InstallResult> install = CompletableFuture.supplyAsync(() ->
                installer.install(issued, InstallOptions.defaults().withTimeout(Duration.ofSeconds(2)), events::add));
        markReady();

        assertThatThrownBy(install::join)
                .hasCauseInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("cluster issuer sandbox-ca")
                .hasMessageContaining(NS + "/" + InstallSpec.DEFAULT_TLS_SECRET);
    }

    private void markReady() {
        await().until(() -> client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("loft-agent")
                        .get()
                != null);
        client.apps().deployments().inNamespace(NS).withName("loft-agent").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(d.getSpec().getReplicas())
                    .withUpdatedReplicas(d.getSpec().getReplicas())
                    .withReadyReplicas(d.getSpec().getReplicas())
                    .withAvailableReplicas(d.getSpec().getReplicas())
                    .build());
            return d;
        });
    }

    private void publishPort(int port) {
        await().until(() -> !client.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .list()
                .getItems()
                .isEmpty());
        Ingress ingress = client.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .list()
                .getItems()
                .get(0);
        ingress.setStatus(new IngressStatusBuilder()
                .withNewLoadBalancer()
                .addNewIngress()
                .withIp("127.0.0.1")
                .addNewPort()
                .withPort(port)
                .withProtocol("TCP")
                .endPort()
                .endIngress()
                .endLoadBalancer()
                .build());
        client.network().v1().ingresses().inNamespace(NS).resource(ingress).updateStatus();
    }

    private void writeTlsSecret(String caPem) {
        client.secrets()
                .inNamespace(NS)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(InstallSpec.DEFAULT_TLS_SECRET)
                        .withNamespace(NS)
                        .endMetadata()
                        .withType("kubernetes.io/tls")
                        .addToData("tls.crt", base64("-----BEGIN CERTIFICATE-----\nMIIA\n-----END CERTIFICATE-----\n"))
                        .addToData("tls.key", base64("key"))
                        .addToData("ca.crt", base64(caPem))
                        .build())
                .create();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
