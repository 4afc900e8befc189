package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.installer.InstallerException;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.Authority;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.PlaneManifests;
import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requests the product's applier sends, checked on the wire. The CRUD mock does not
 * implement server-side apply and answers 415; what matters here is what was asked.
 */
class ServerSideApplierTest {

    private static final MockCluster CLUSTER = new MockCluster();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    static Stream<Arguments> everyObject() {
        InstallSpec ingress = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .authority(Authority.managementPlane("apiVersion: v1\nkind: Config\n"))
                .build();
        InstallSpec nodePort = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .exposure(Exposure.NODEPORT)
                .build();
        Map<String, HasMetadata> objects = new LinkedHashMap<>();
        Stream.of(AgentManifests.build(ingress), AgentManifests.build(nodePort), List.of(PlaneManifests.clusterCrd()))
                .flatMap(List::stream)
                .forEach(o -> objects.putIfAbsent(ObjectRef.of(o).toString(), o));
        Map<String, String> paths = Map.ofEntries(
                Map.entry("Namespace vcluster-pro", "/api/v1/namespaces/vcluster-pro"),
                Map.entry(
                        "ServiceAccount vcluster-pro/loft-agent",
                        "/api/v1/namespaces/vcluster-pro/serviceaccounts/loft-agent"),
                Map.entry(
                        "ClusterRole meridian-loft-agent-vcluster-pro",
                        "/apis/rbac.authorization.k8s.io/v1/clusterroles/meridian-loft-agent-vcluster-pro"),
                Map.entry(
                        "ClusterRoleBinding meridian-loft-agent-vcluster-pro",
                        "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/meridian-loft-agent-vcluster-pro"),
                Map.entry(
                        "Role vcluster-pro/loft-agent-ca",
                        "/apis/rbac.authorization.k8s.io/v1/namespaces/vcluster-pro/roles/loft-agent-ca"),
                Map.entry(
                        "RoleBinding vcluster-pro/loft-agent-ca",
                        "/apis/rbac.authorization.k8s.io/v1/namespaces/vcluster-pro/rolebindings/loft-agent-ca"),
                Map.entry(
                        "Secret vcluster-pro/loft-agent-authority",
                        "/api/v1/namespaces/vcluster-pro/secrets/loft-agent-authority"),
                Map.entry(
                        "Deployment vcluster-pro/loft-agent",
                        "/apis/apps/v1/namespaces/vcluster-pro/deployments/loft-agent"),
                Map.entry("Service vcluster-pro/loft-agent", "/api/v1/namespaces/vcluster-pro/services/loft-agent"),
                Map.entry(
                        "Service vcluster-pro/loft-agent-external",
                        "/api/v1/namespaces/vcluster-pro/services/loft-agent-external"),
                Map.entry(
                        "PodDisruptionBudget vcluster-pro/loft-agent",
                        "/apis/policy/v1/namespaces/vcluster-pro/poddisruptionbudgets/loft-agent"),
                Map.entry(
                        "Ingress vcluster-pro/loft-agent-ingress",
                        "/apis/networking.k8s.io/v1/namespaces/vcluster-pro/ingresses/loft-agent-ingress"),
                Map.entry(
                        "CustomResourceDefinition clusters.management.loft.sh",
                        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusters.management.loft.sh"));
        assertThat(objects.keySet())
                .as("every kind the installer writes has an expected path")
                .containsExactlyInAnyOrderElementsOf(paths.keySet());
        return objects.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue(), paths.get(e.getKey())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyObject")
    void appliesWithServerSideApplyAsMeridianForcingConflicts(String name, HasMetadata object, String path)
            throws InterruptedException {
        // An existing object, as on a re-run: the mock answers an apply to it with 415.
        CLUSTER.client().resource(SERIALIZATION.clone(object)).createOr(existing -> existing.update());
        CLUSTER.drainRequests();

        assertThatThrownBy(() -> new ServerSideApplier(CLUSTER.client()).apply(object))
                .as("the CRUD mock has no server-side apply")
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(415));

        List<RecordedRequest> requests = CLUSTER.drainRequests();
        assertThat(requests).as("one request, nothing else").hasSize(1);
        RecordedRequest apply = requests.get(0);
        assertThat(apply.getMethod()).isEqualTo("PATCH");
        assertThat(pathOf(apply)).isEqualTo(path);
        assertThat(queryOf(apply)).containsOnly(Map.entry("fieldManager", "meridian"), Map.entry("force", "true"));
        assertThat(apply.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        HasMetadata sent = SERIALIZATION.unmarshal(apply.getUtf8Body());
        assertThat(ServerFields.strip(sent)).as("the body is the whole object").isEqualTo(ServerFields.strip(object));
    }

    @Test
    void installerUsesServerSideApplyByDefaultAndNamesTheRefusedObject() throws InterruptedException {
        CLUSTER.drainRequests();
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .namespace("elsewhere")
                .build();

        assertThatThrownBy(() -> new AgentInstaller(CLUSTER.client()).install(spec, InstallOptions.defaults(), e -> {}))
                .isInstanceOfSatisfying(
                        ApplyException.class,
                        e -> assertThat(e.failure())
                                .as("the cluster answered and said no: a refusal, not an unreachable cluster")
                                .isEqualTo(InstallerException.Failure.REFUSED))
                .hasMessageStartingWith("The cluster refused to apply Namespace elsewhere: ")
                .hasMessageContaining("run the install again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasCauseInstanceOf(KubernetesClientException.class);

        List<RecordedRequest> requests = CLUSTER.drainRequests();
        assertThat(requests)
                .filteredOn(r -> r.getMethod().equals("PATCH"))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("Content-Type")).startsWith("application/apply-patch+yaml"));
        assertThat(requests)
                .as("no fallback to create or replace")
                .noneMatch(r -> r.getMethod().equals("POST") || r.getMethod().equals("PUT"));
    }

    private static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static Map<String, String> queryOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        Map<String, String> params = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : path.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }
}
