package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.installer.InstallerException;
import dev.meridian.installer.manifest.IngressManifest;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Ingress is {@code loft-agent-ingress}, as the platform's documentation names it; one that
 * already routes the host is adopted or, when Meridian cannot adopt it, refuses the install by name.
 */
class IngressAdoptionTest {

    private static final String NS = "vcluster-pro";
    private static final String HOST = "agent.eu.example.com";
    private static final InstallOptions NO_WAIT = InstallOptions.defaults().withWaitForRollout(false);

    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client();
    private final AgentInstaller installer =
            new AgentInstaller(client, new CreateOrReplaceApplier(client), Duration.ofMillis(50));
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final InstallSpec spec = InstallSpec.builder("eu-west", HOST).build();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void anInstallOverOneMadeWithTheOldIngressNameReplacesThatIngress() {
        Ingress old = new IngressBuilder(IngressManifest.build(spec).orElseThrow())
                .editMetadata()
                .withName("loft-agent")
                .endMetadata()
                .build();
        client.resource(old).create();

        installer.install(spec, NO_WAIT, events::add);

        assertThat(ingressNames(NS)).containsExactly("loft-agent-ingress");
        assertThat(events)
                .containsSubsequence(
                        new ProgressEvent.ObjectDeleted(new ObjectRef("Ingress", NS, "loft-agent")),
                        new ProgressEvent.ObjectApplied(
                                new ObjectRef("Ingress", NS, "loft-agent-ingress"), Change.CREATED));
        setAddress("loft-agent-ingress", "203.0.113.7");
        assertThat(installer.status(NS).address()).isEqualTo("203.0.113.7");
        assertThat(installer.uninstall(NS)).contains(new ObjectRef("Ingress", NS, "loft-agent-ingress"));
        assertThat(ingressNames(NS)).isEmpty();
    }

    @Test
    void statusOfAnInstallMadeBeforeTheRenameStillFindsItsIngress() {
        installer.install(spec, NO_WAIT, events::add);
        client.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName("loft-agent-ingress")
                .delete();
        client.resource(new IngressBuilder(IngressManifest.build(spec).orElseThrow())
                        .editMetadata()
                        .withName("loft-agent")
                        .endMetadata()
                        .build())
                .create();
        setAddress("loft-agent", "203.0.113.8");

        assertThat(installer.status(NS).address()).isEqualTo("203.0.113.8");
    }

    @Test
    void theDocumentedIngressForTheHostIsAdoptedAndUninstallPutsItBack() {
        Ingress documented = documented("loft-agent-ingress", NS, HOST);
        client.resource(documented).create();

        InstallResult result = installer.install(spec, NO_WAIT, events::add);

        assertThat(ingressNames(NS)).as("no second Ingress for the host").containsExactly("loft-agent-ingress");
        Ingress adopted = ingress(NS, "loft-agent-ingress");
        assertThat(adopted.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "meridian");
        assertThat(adopted.getMetadata().getAnnotations()).containsKey("meridian.dev/adopted-from");
        var path = adopted.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        assertThat(path.getBackend().getService().getName()).isEqualTo("loft-agent");
        assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                ProgressEvent.ObjectAdopted.class,
                                a -> assertThat(a.object())
                                        .isEqualTo(new ObjectRef("Ingress", NS, "loft-agent-ingress"))));
        assertThat(result.objects())
                .contains(new InstallResult.AppliedObject(
                        new ObjectRef("Ingress", NS, "loft-agent-ingress"), Change.CONFIGURED));
        assertThat(installer.install(spec, NO_WAIT, events::add).changedAnything())
                .as("a re-install keeps the adoption and changes nothing")
                .isFalse();

        List<ObjectRef> deleted = installer.uninstall(NS, events::add);

        assertThat(deleted).doesNotContain(new ObjectRef("Ingress", NS, "loft-agent-ingress"));
        assertThat(events)
                .contains(new ProgressEvent.ObjectRestored(new ObjectRef("Ingress", NS, "loft-agent-ingress")));
        Ingress restored = ingress(NS, "loft-agent-ingress");
        assertThat(restored.getMetadata().getLabels())
                .isEqualTo(documented.getMetadata().getLabels());
        assertThat(restored.getMetadata().getAnnotations())
                .isEqualTo(documented.getMetadata().getAnnotations());
        assertThat(restored.getSpec()).isEqualTo(documented.getSpec());
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems())
                .isEmpty();
    }

    @Test
    void anIngressOfAnotherNameForTheHostAndPathInTheNamespaceIsAdoptedUnderItsName() {
        client.resource(documented("platform-agent", NS, HOST)).create();

        installer.install(spec, NO_WAIT, events::add);

        assertThat(ingressNames(NS)).containsExactly("platform-agent");
        assertThat(ingress(NS, "platform-agent").getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "meridian");
        installer.uninstall(NS);
        assertThat(ingress(NS, "platform-agent").getMetadata().getLabels())
                .doesNotContainKey("app.kubernetes.io/managed-by");
    }

    @Test
    void anIngressForTheHostInAnotherNamespaceRefusesTheInstallBeforeAnythingIsApplied() {
        client.resource(documented("agent", "web", HOST)).create();

        assertThatThrownBy(() -> installer.install(spec, NO_WAIT, events::add))
                .isInstanceOfSatisfying(IngressTakenException.class, e -> {
                    assertThat(e.ingress()).isEqualTo(new ObjectRef("Ingress", "web", "agent"));
                    assertThat(e.failure()).isEqualTo(InstallerException.Failure.INVALID);
                })
                .hasMessage("Ingress web/agent already routes agent.eu.example.com and Meridian can adopt only an"
                        + " Ingress in namespace vcluster-pro that nothing else manages; delete it, or install for"
                        + " another host (ingress-nginx refuses two Ingresses for the same host and path).");
        assertThat(client.namespaces().withName(NS).get()).isNull();
        assertThat(events).isEmpty();
    }

    @Test
    void theDocumentedIngressManagedBySomethingElseIsNotAdopted() {
        client.resource(new IngressBuilder(documented("loft-agent-ingress", NS, HOST))
                        .editMetadata()
                        .addToLabels("app.kubernetes.io/managed-by", "Helm")
                        .endMetadata()
                        .build())
                .create();

        assertThatThrownBy(() -> installer.install(spec, NO_WAIT, events::add))
                .isInstanceOf(IngressTakenException.class)
                .hasMessage("Ingress vcluster-pro/loft-agent-ingress already routes agent.eu.example.com and is"
                        + " managed by Helm, so Meridian cannot adopt it; remove it where it is managed, or install"
                        + " for another host.");
        assertThat(ingress(NS, "loft-agent-ingress").getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "Helm");
    }

    @Test
    void theDocumentedIngressForAnotherHostIsNotTakenOver() {
        client.resource(documented("loft-agent-ingress", NS, "other.example.com"))
                .create();

        assertThatThrownBy(() -> installer.install(spec, NO_WAIT, events::add))
                .isInstanceOf(IngressTakenException.class)
                .hasMessage("Ingress vcluster-pro/loft-agent-ingress routes other.example.com, not only"
                        + " agent.eu.example.com, so Meridian cannot adopt it; delete or rename it, or install for"
                        + " the host it routes.");
        assertThat(ingress(NS, "loft-agent-ingress").getSpec().getRules().get(0).getHost())
                .isEqualTo("other.example.com");
    }

    @Test
    void anIngressForTheHostOnAnotherPathIsLeftAlone() {
        Ingress app = new IngressBuilder(documented("app", NS, HOST))
                .editSpec()
                .editFirstRule()
                .editHttp()
                .editFirstPath()
                .withPath("/app")
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
        client.resource(app).create();

        installer.install(spec, NO_WAIT, events::add);

        assertThat(ingressNames(NS)).containsExactlyInAnyOrder("app", "loft-agent-ingress");
        assertThat(ingress(NS, "app").getMetadata().getLabels()).doesNotContainKey("app.kubernetes.io/managed-by");
    }

    @Test
    void withoutTheRightToListEveryIngressTheNamespaceIsStillChecked() {
        cluster.server()
                .expect()
                .get()
                .withPath("/apis/networking.k8s.io/v1/ingresses")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("ingresses.networking.k8s.io is forbidden")
                                .build())
                .always();
        client.resource(documented("loft-agent-ingress", NS, HOST)).create();

        installer.install(spec, NO_WAIT, events::add);

        assertThat(ingressNames(NS)).containsExactly("loft-agent-ingress");
        assertThat(events).anyMatch(e -> e instanceof ProgressEvent.ObjectAdopted);
    }

    /** The Ingress as the platform's documentation has an admin create it by hand. */
    private static Ingress documented(String name, String namespace, String host) {
        return new IngressBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(Map.of("team", "platform"))
                .withAnnotations(Map.of("nginx.ingress.kubernetes.io/proxy-read-timeout", "43200"))
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .addNewTl()
                .withHosts(host)
                .endTl()
                .addNewRule()
                .withHost(host)
                .withNewHttp()
                .addNewPath()
                .withPath("/kubernetes/cluster")
                .withPathType("ImplementationSpecific")
                .withNewBackend()
                .withNewService()
                .withName("loft-agent")
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }

    private Ingress ingress(String namespace, String name) {
        return client.network()
                .v1()
                .ingresses()
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private List<String> ingressNames(String namespace) {
        return client.network().v1().ingresses().inNamespace(namespace).list().getItems().stream()
                .map(i -> i.getMetadata().getName())
                .toList();
    }

    private void setAddress(String name, String ip) {
        client.network().v1().ingresses().inNamespace(NS).withName(name).editStatus(i -> {
            i.setStatus(new IngressStatusBuilder()
                    .withNewLoadBalancer()
                    .addNewIngress()
                    .withIp(ip)
                    .endIngress()
                    .endLoadBalancer()
                    .build());
            return i;
        });
    }
}
