package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentManifestsTest {

    private final InstallSpec defaults =
            InstallSpec.builder("eu-west", "agent.eu.example.com").build();

    @Test
    void defaultSpecBuildsEveryObjectInApplyOrder() {
        List<HasMetadata> objects = AgentManifests.build(defaults);

        assertThat(objects)
                .extracting(HasMetadata::getKind, o -> o.getMetadata().getName())
                .containsExactly(
                        tuple("Namespace", "vcluster-pro"),
                        tuple("ServiceAccount", "loft-agent"),
                        tuple("ClusterRole", "meridian-loft-agent-vcluster-pro"),
                        tuple("ClusterRoleBinding", "meridian-loft-agent-vcluster-pro"),
                        tuple("Role", "loft-agent-ca"),
                        tuple("RoleBinding", "loft-agent-ca"),
                        tuple("Deployment", "loft-agent"),
                        tuple("Service", "loft-agent"),
                        tuple("PodDisruptionBudget", "loft-agent"),
                        tuple("Ingress", "loft-agent-ingress"));
        assertThat(objects)
                .allSatisfy(o -> assertThat(o.getMetadata().getLabels())
                        .as("%s carries the manager label that uninstall selects on", o.getKind())
                        .contains(entry("app.kubernetes.io/managed-by", "meridian")));
        assertThat(objects)
                .filteredOn(
                        o -> !(o instanceof Namespace || o instanceof ClusterRole || o instanceof ClusterRoleBinding))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("vcluster-pro"));
    }

    @Test
    void defaultIngressCarriesExactlyTheDesignAnnotationsAndTlsForTheHost() {
        Ingress ingress = IngressManifest.build(defaults).orElseThrow();

        assertThat(ingress.getMetadata().getAnnotations())
                .containsExactly(
                        entry("nginx.ingress.kubernetes.io/proxy-read-timeout", "43200"),
                        entry("nginx.ingress.kubernetes.io/proxy-send-timeout", "43200"),
                        entry("nginx.ingress.kubernetes.io/proxy-buffers-number", "8 32k"),
                        entry("nginx.ingress.kubernetes.io/proxy-buffer-size", "32k"),
                        entry("nginx.org/websocket-services", "loft-agent"));
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("agent.eu.example.com");
            assertThat(tls.getSecretName()).isEqualTo("loft-agent-tls");
        });
        var rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo("agent.eu.example.com");
        var path = rule.getHttp().getPaths().get(0);
        assertThat(path.getPath()).isEqualTo("/");
        assertThat(path.getPathType()).isEqualTo("Prefix");
        assertThat(path.getBackend().getService().getName()).isEqualTo("loft-agent");
        assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
    }

    @Test
    void clusterIssuerAddsTheCertManagerAnnotationAndNothingElse() {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .clusterIssuer("letsencrypt-prod")
                .ingressClass("internal")
                .tlsSecret("agent-cert")
                .build();

        Ingress ingress = IngressManifest.build(spec).orElseThrow();

        assertThat(ingress.getMetadata().getAnnotations())
                .hasSize(6)
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt-prod");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("internal");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("agent-cert");
    }

    @Test
    void serviceIsLoftAgentPort80ToTheAgentsHttpPort() {
        Service service = ServiceManifest.build(defaults);

        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(AgentNames.selector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getIntVal()).isEqualTo(8080);
        });
    }

    @Test
    void clusterRoleAllowsImpersonationAndReviewsOnly() {
        ClusterRole role = ClusterRoleManifest.build(defaults);

        assertThat(role.getRules())
                .extracting(r -> r.getApiGroups(), r -> r.getResources(), r -> r.getVerbs())
                .containsExactly(
                        tuple(List.of(""), List.of("users", "groups", "serviceaccounts"), List.of("impersonate")),
                        tuple(
                                List.of("authentication.k8s.io"),
                                List.of("uids", "userextras/*"),
                                List.of("impersonate")),
                        tuple(List.of("authentication.k8s.io"), List.of("tokenreviews"), List.of("create")),
                        tuple(List.of("authorization.k8s.io"), List.of("subjectaccessreviews"), List.of("create")));
        ClusterRoleBinding binding = ClusterRoleBindingManifest.build(defaults);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo("loft-agent");
            assertThat(s.getNamespace()).isEqualTo("vcluster-pro");
        });
    }

    @Test
    void roleLimitsSecretAccessToTheCaSecretExceptCreate() {
        Role role = RoleManifest.build(defaults);

        assertThat(role.getRules())
                .extracting(r -> r.getResources(), r -> r.getResourceNames(), r -> r.getVerbs())
                .containsExactly(
                        tuple(List.of("secrets"), List.of("loft-agent-ca"), List.of("get", "update", "patch")),
                        tuple(List.of("secrets"), List.of(), List.of("create")));
        RoleBinding binding = RoleBindingManifest.build(defaults);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo("loft-agent-ca");
        assertThat(binding.getSubjects().get(0).getName()).isEqualTo("loft-agent");
    }

    @Test
    void serviceAccountAndNamespaceRecordTheCluster() {
        ServiceAccount account = ServiceAccountManifest.build(defaults);
        Namespace namespace = NamespaceManifest.build(defaults);

        assertThat(account.getMetadata().getAnnotations()).containsEntry("meridian.dev/cluster", "eu-west");
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry("meridian.dev/cluster", "eu-west");
    }

    @Test
    void podDisruptionBudgetKeepsOnePodUp() {
        PodDisruptionBudget pdb = PodDisruptionBudgetManifest.build(defaults);

        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getMaxUnavailable()).isNull();
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(AgentNames.selector());
    }

    @Test
    void singleReplicaBudgetStillAllowsDrains() {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .replicas(1)
                .build();

        PodDisruptionBudget pdb = PodDisruptionBudgetManifest.build(spec);

        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    static Stream<Arguments> exposures() {
        return Stream.of(
                Arguments.of(Exposure.INGRESS, null, true),
                Arguments.of(Exposure.LOADBALANCER, "LoadBalancer", false),
                Arguments.of(Exposure.NODEPORT, "NodePort", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exposures")
    void exposureChoosesIngressOrExternalService(Exposure exposure, String serviceType, boolean ingress) {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .exposure(exposure)
                .build();

        assertThat(IngressManifest.build(spec).isPresent())
                .as("Ingress present")
                .isEqualTo(ingress);
        assertThat(ServiceManifest.buildExternal(spec)
                        .map(s -> s.getSpec().getType())
                        .orElse(null))
                .isEqualTo(serviceType);
        ServiceManifest.buildExternal(spec).ifPresent(s -> {
            assertThat(s.getMetadata().getName()).isEqualTo("loft-agent-external");
            assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(443);
            assertThat(s.getSpec().getPorts().get(0).getTargetPort().getIntVal())
                    .isEqualTo(8080);
        });
        assertThat(AgentManifests.build(spec))
                .filteredOn(o -> o instanceof Ingress)
                .hasSize(ingress ? 1 : 0);
    }

    @Test
    void managementPlaneAuthorityAddsTheKubeconfigSecret() {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .authority(Authority.managementPlane("apiVersion: v1\nkind: Config\n"))
                .build();

        List<HasMetadata> objects = AgentManifests.build(spec);

        Secret secret = (Secret)
                objects.stream().filter(o -> o instanceof Secret).findFirst().orElseThrow();
        assertThat(secret.getMetadata().getName()).isEqualTo("loft-agent-authority");
        assertThat(secret.getStringData()).containsExactly(entry("kubeconfig", "apiVersion: v1\nkind: Config\n"));
        assertThat(objects.indexOf(secret))
                .as("the Secret exists before the pods that mount it")
                .isLessThan(objects.indexOf(objects.stream()
                        .filter(o -> o instanceof Deployment)
                        .findFirst()
                        .orElseThrow()));
        assertThat(spec.authority().toString()).doesNotContain("kind: Config");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
