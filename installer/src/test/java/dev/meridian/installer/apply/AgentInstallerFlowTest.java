package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole install flow on the CRUD mock, with apply behind {@link CreateOrReplaceApplier}. */
class AgentInstallerFlowTest {

    private static final String NS = "vcluster-pro";
    private static final Duration FAST_POLL = Duration.ofMillis(50);
    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private final AgentInstaller installer = new AgentInstaller(client, new CreateOrReplaceApplier(client), FAST_POLL);
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final InstallSpec spec =
            InstallSpec.builder("eu-west", "agent.eu.example.com").build();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void installAppliesEveryObjectWaitsForReadyReplicasAndReturnsTheEndpoint() {
        CompletableFuture<InstallResult> install =
                async(() -> installer.install(spec, InstallOptions.defaults(), events::add));

        markReady(1);
        await().untilAsserted(() -> assertThat(events).contains(new ProgressEvent.ReplicasReady(1, 2)));
        assertThat(install).isNotDone();
        markReady(2);
        InstallResult result = install.join();

        assertThat(result.endpoint()).isEqualTo("agent.eu.example.com");
        assertThat(result.host()).isEqualTo("agent.eu.example.com");
        assertThat(result.caPem()).as("the Ingress terminates TLS: no agent CA").isNull();
        assertThat(result.insecure()).isFalse();
        assertThat(result.rolledOut()).isTrue();
        assertThat(result.objects())
                .extracting(InstallResult.AppliedObject::change)
                .containsOnly(Change.CREATED);
        assertEveryObjectEqualsTheBuiltOne(spec);
        assertThat(events)
                .filteredOn(e -> e instanceof ProgressEvent.ObjectApplied)
                .hasSize(10);
        assertThat(events)
                .filteredOn(e -> e instanceof ProgressEvent.RolloutComplete)
                .hasSize(1);
    }

    @Test
    void secondInstallChangesNothing() {
        installReady(spec);
        Map<String, String> versions = resourceVersions(spec);

        InstallResult again = installer.install(spec, InstallOptions.defaults(), events::add);

        assertThat(again.objects())
                .extracting(InstallResult.AppliedObject::change)
                .containsOnly(Change.UNCHANGED);
        assertThat(again.changedAnything()).isFalse();
        assertThat(resourceVersions(spec)).isEqualTo(versions);
    }

    @Test
    void upgradeChangesTheImageInPlaceAndAReinstallWithThatImageChangesNothing() {
        installReady(spec);
        String before = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("loft-agent")
                .get()
                .getMetadata()
                .getResourceVersion();

        CompletableFuture<AgentStatus> upgrade = async(() -> installer.upgrade(
                NS, "registry.example.com/meridian/agent:9.9.9", InstallOptions.defaults(), events::add));
        await().untilAsserted(() -> assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("loft-agent")
                        .get()
                        .getMetadata()
                        .getResourceVersion())
                .isNotEqualTo(before));
        markReady(2);
        AgentStatus status = upgrade.join();

        assertThat(status.image()).isEqualTo("registry.example.com/meridian/agent:9.9.9");
        assertThat(status.version()).isEqualTo("9.9.9");
        assertThat(status.readyReplicas()).isEqualTo(2);
        InstallSpec upgraded = spec.withImage("registry.example.com/meridian/agent:9.9.9");
        assertEveryObjectEqualsTheBuiltOne(upgraded);
        InstallResult reinstall = installer.install(upgraded, InstallOptions.defaults(), events::add);
        assertThat(reinstall.changedAnything())
                .as("upgrade applied exactly what install applies")
                .isFalse();
    }

    @Test
    void upgradeWithoutAnInstallSaysSo() {
        assertThatThrownBy(() -> installer.upgrade("elsewhere", "meridian/agent:1.0.0"))
                .isInstanceOf(NotInstalledException.class)
                .hasMessageContaining("no Meridian agent is installed in namespace elsewhere");
    }

    @Test
    void uninstallRemovesEverythingItCreatedAndTheAgentsCaSecret() {
        InstallSpec lb = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .exposure(Exposure.LOADBALANCER)
                .build();
        client.secrets().inNamespace(NS).resource(caSecret()).create();
        installReady(lb);
        client.secrets()
                .inNamespace(NS)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("someone-elses")
                        .endMetadata()
                        .build())
                .create();

        List<ObjectRef> deleted = installer.uninstall(NS, events::add);

        assertThat(deleted).hasSize(AgentManifests.build(lb).size() + 1);
        assertThat(deleted).contains(new ObjectRef("Secret", NS, "loft-agent-ca"));
        for (HasMetadata object : AgentManifests.build(lb)) {
            assertThat(client.resource(object).get())
                    .as("%s left behind", ObjectRef.of(object))
                    .isNull();
        }
        assertThat(client.apps().deployments().inAnyNamespace().list().getItems())
                .isEmpty();
        assertThat(client.rbac().clusterRoles().list().getItems()).isEmpty();
        assertThat(client.rbac().clusterRoleBindings().list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(NS).list().getItems())
                .extracting(s -> s.getMetadata().getName())
                .containsExactly("someone-elses");
        assertThat(installer.status(NS).installed()).isFalse();
        assertThat(installer.uninstall(NS))
                .as("a second uninstall finds nothing")
                .isEmpty();
    }

    @Test
    void installInterruptedHalfWayIsCompletedByARerun() {
        AtomicInteger budget = new AtomicInteger(5);
        CreateOrReplaceApplier real = new CreateOrReplaceApplier(client);
        AgentInstaller failing = new AgentInstaller(
                client,
                desired -> {
                    if (budget.getAndDecrement() <= 0) {
                        throw new KubernetesClientException("connection reset by peer");
                    }
                    return real.apply(desired);
                },
                FAST_POLL);

        assertThatThrownBy(() -> failing.install(spec, InstallOptions.defaults(), events::add))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining(
                        "failed to apply RoleBinding vcluster-pro/loft-agent-ca: connection reset by peer")
                .hasMessageContaining("run the install again")
                .hasCauseInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((ApplyException) e).object())
                        .isEqualTo(new ObjectRef("RoleBinding", NS, "loft-agent-ca")));
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("loft-agent")
                        .get())
                .isNull();

        InstallResult rerun = installReady(spec);

        assertThat(rerun.objects())
                .extracting(InstallResult.AppliedObject::change)
                .containsExactly(
                        Change.UNCHANGED,
                        Change.UNCHANGED,
                        Change.UNCHANGED,
                        Change.UNCHANGED,
                        Change.UNCHANGED,
                        Change.CREATED,
                        Change.CREATED,
                        Change.CREATED,
                        Change.CREATED,
                        Change.CREATED);
        assertEveryObjectEqualsTheBuiltOne(spec);
    }

    @Test
    void selfServedTlsWaitsForTheAgentsCaAndReturnsIt() {
        InstallSpec lb = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .exposure(Exposure.LOADBALANCER)
                .build();
        CompletableFuture<InstallResult> install =
                async(() -> installer.install(lb, InstallOptions.defaults(), events::add));
        markReady(2);
        await().untilAsserted(() -> assertThat(events).anyMatch(e -> e instanceof ProgressEvent.RolloutComplete));
        assertThat(install).isNotDone();

        client.secrets().inNamespace(NS).resource(caSecret()).create();
        InstallResult result = install.join();

        assertThat(result.caPem()).isEqualTo(CA_PEM);
        assertThat(installer.status(NS).caPem()).isEqualTo(CA_PEM);
        assertThat(events)
                .last()
                .isEqualTo(new ProgressEvent.CaCertificateRead(new ObjectRef("Secret", NS, "loft-agent-ca")));
    }

    @Test
    void rolloutThatNeverBecomesReadyTimesOutWithTheCounts() {
        InstallOptions quick = InstallOptions.defaults().withTimeout(Duration.ofMillis(1500));

        assertThatThrownBy(() -> installer.install(spec, quick, events::add))
                .isInstanceOfSatisfying(RolloutTimeoutException.class, e -> {
                    assertThat(e.readyReplicas()).isZero();
                    assertThat(e.desiredReplicas()).isEqualTo(2);
                })
                .hasMessageContaining(
                        "timed out after 1s waiting for Deployment loft-agent to roll out in namespace vcluster-pro (0/2 replicas ready)");
        assertEveryObjectEqualsTheBuiltOne(spec);
    }

    @Test
    void noWaitReturnsRightAfterApplying() {
        InstallResult result = installer.install(
                spec, InstallOptions.defaults().withWaitForRollout(false).withInsecure(true), events::add);

        assertThat(result.rolledOut()).isFalse();
        assertThat(result.insecure()).isTrue();
        assertThat(events).noneMatch(e -> e instanceof ProgressEvent.ReplicasReady);
    }

    @Test
    void aNamespaceThatExistedBeforeIsKeptByInstallAndUninstall() {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .endMetadata()
                        .build())
                .create();

        installReady(spec);
        installer.uninstall(NS);

        assertThat(events)
                .contains(new ProgressEvent.ObjectKept(
                        new ObjectRef("Namespace", null, NS),
                        "it existed before and is not managed by Meridian; it will not be deleted by uninstall"));
        assertThat(client.namespaces().withName(NS).get()).isNotNull();
        assertThat(client.namespaces().withName(NS).get().getMetadata().getLabels())
                .isNullOrEmpty();
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems())
                .isEmpty();
    }

    @Test
    void statusReportsImageReplicasHostAndIngressAddress() {
        installReady(spec);
        client.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName("loft-agent-ingress")
                .editStatus(i -> {
                    i.setStatus(new io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder()
                            .withNewLoadBalancer()
                            .addNewIngress()
                            .withIp("203.0.113.7")
                            .endIngress()
                            .endLoadBalancer()
                            .build());
                    return i;
                });

        AgentStatus status = installer.status(NS);

        assertThat(status.installed()).isTrue();
        assertThat(status.isReady()).isTrue();
        assertThat(status.image()).isEqualTo(spec.image());
        assertThat(status.version()).isEqualTo(dev.meridian.installer.manifest.AgentVersion.current());
        assertThat(status.desiredReplicas()).isEqualTo(2);
        assertThat(status.readyReplicas()).isEqualTo(2);
        assertThat(status.host()).isEqualTo("agent.eu.example.com");
        assertThat(status.exposure()).isEqualTo(Exposure.INGRESS);
        assertThat(status.address()).isEqualTo("203.0.113.7");
        assertThat(installer.status("nothing-here").installed()).isFalse();
    }

    @Test
    void nodePortEndpointCarriesThePortTheServerAllocated() {
        InstallSpec nodePort = InstallSpec.builder("eu-west", "203.0.113.9")
                .exposure(Exposure.NODEPORT)
                .build();
        installer.install(nodePort, InstallOptions.defaults().withWaitForRollout(false), events::add);
        // Plays the API server, which allocates node ports.
        client.services().inNamespace(NS).withName("loft-agent-external").edit(s -> {
            s.getSpec().getPorts().get(0).setNodePort(30443);
            return s;
        });

        InstallResult rerun =
                installer.install(nodePort, InstallOptions.defaults().withWaitForRollout(false), events::add);

        assertThat(rerun.endpoint()).isEqualTo("203.0.113.9:30443");
        assertThat(rerun.changedAnything()).isFalse();
    }

    @Test
    void interruptingTheWaitStopsWithAStateARerunCompletes() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                installer.install(spec, InstallOptions.defaults(), events::add);
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(
                        Thread.currentThread().isInterrupted() ? e : new AssertionError("interrupt flag lost", e));
            }
        });
        worker.start();
        await().untilAsserted(() -> assertThat(events).anyMatch(e -> e instanceof ProgressEvent.ReplicasReady));

        worker.interrupt();

        assertThat(failure.get(30, TimeUnit.SECONDS))
                .isInstanceOf(InstallInterruptedException.class)
                .hasMessage(
                        "interrupted while waiting for the rollout in vcluster-pro; run the same command again to complete it");
        InstallResult rerun = installReady(spec);
        assertThat(rerun.changedAnything()).isFalse();
        assertThat(rerun.rolledOut()).isTrue();
    }

    @Test
    void dryRunRendersWhatInstallAppliesWithoutTouchingTheCluster() throws InterruptedException {
        cluster.drainRequests();

        String yaml = installer.dryRun(spec);

        assertThat(cluster.drainRequests()).isEmpty();
        List<HasMetadata> parsed = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(yaml);
        assertThat(parsed)
                .extracting(ServerFields::strip)
                .containsExactlyElementsOf(AgentManifests.build(spec).stream()
                        .map(ServerFields::strip)
                        .toList());
    }

    private InstallResult installReady(InstallSpec toInstall) {
        CompletableFuture<InstallResult> install =
                async(() -> installer.install(toInstall, InstallOptions.defaults(), events::add));
        markReady(toInstall.replicas());
        return install.join();
    }

    /** Plays the deployment controller: marks the current generation as rolled out with {@code ready} pods. */
    private void markReady(int ready) {
        await().until(() -> client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("loft-agent")
                        .get()
                != null);
        client.apps().deployments().inNamespace(NS).withName("loft-agent").editStatus(d -> {
            Long generation = d.getMetadata().getGeneration();
            d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                    .withObservedGeneration(generation)
                    .withReplicas(d.getSpec().getReplicas())
                    .withUpdatedReplicas(d.getSpec().getReplicas())
                    .withReadyReplicas(ready)
                    .withAvailableReplicas(ready)
                    .build());
            return d;
        });
    }

    private void assertEveryObjectEqualsTheBuiltOne(InstallSpec expected) {
        for (HasMetadata object : AgentManifests.build(expected)) {
            HasMetadata live = client.resource(object).get();
            assertThat(live).as("%s exists", ObjectRef.of(object)).isNotNull();
            assertThat(live.getMetadata().getLabels())
                    .isEqualTo(object.getMetadata().getLabels());
            assertThat(live.getMetadata().getAnnotations())
                    .isEqualTo(object.getMetadata().getAnnotations());
            assertThat(ServerFields.strip(live))
                    .as("%s as applied", ObjectRef.of(object))
                    .isEqualTo(ServerFields.strip(object));
        }
    }

    private Map<String, String> resourceVersions(InstallSpec installed) {
        Map<String, String> versions = new java.util.TreeMap<>();
        for (HasMetadata object : AgentManifests.build(installed)) {
            versions.put(
                    ObjectRef.of(object).toString(),
                    client.resource(object).get().getMetadata().getResourceVersion());
        }
        return versions;
    }

    private static io.fabric8.kubernetes.api.model.Secret caSecret() {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("loft-agent-ca")
                .endMetadata()
                .addToData("ca.crt", Base64.getEncoder().encodeToString(CA_PEM.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work).orTimeout(30, TimeUnit.SECONDS);
    }
}
