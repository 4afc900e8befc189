package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared manifest pieces: one labelling for every object, one impersonation grant for both identities. */
class ManifestPartsTest {

    @Test
    void everyObjectOfAnInstallationCarriesTheSpecsLabelsAndAnnotations() {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.example.com").build();
        for (HasMetadata object : AgentManifests.build(spec)) {
            ObjectMeta metadata = object.getMetadata();
            assertThat(metadata.getLabels()).as(object.getKind()).isEqualTo(AgentNames.labels(spec));
            if (object instanceof io.fabric8.kubernetes.api.model.networking.v1.Ingress) {
                continue; // the Ingress carries its controller's annotations instead
            }
            assertThat(metadata.getAnnotations())
                    .as(object.getKind())
                    .containsAllEntriesOf(AgentNames.annotations(spec));
        }
    }

    @Test
    void planeMetadataWithoutAnnotationsSetsNone() {
        ObjectMeta clusterScoped = ManifestParts.metadata("role", null, null);

        assertThat(clusterScoped.getNamespace()).isNull();
        assertThat(clusterScoped.getAnnotations()).isNullOrEmpty();
        assertThat(clusterScoped.getLabels()).isEqualTo(AgentNames.labels());
        assertThat(ManifestParts.metadata("s", "ns", Map.of("a", "b")).getAnnotations())
                .isEqualTo(Map.of("a", "b"));
    }

    @Test
    void theGatewaysIdentityInAClusterMayImpersonateExactlyAsTheAgentMay() {
        ClusterRole agent = ClusterRoleManifest.build(
                InstallSpec.builder("eu-west", "agent.example.com").build());
        ClusterRole impersonator = ConnectManifests.impersonatorRole();

        assertThat(agent.getRules()).containsAll(impersonator.getRules());
        assertThat(impersonator.getRules())
                .allSatisfy(rule -> assertThat(rule.getVerbs()).containsExactly("impersonate"));
    }

    @Test
    void bindingsNameTheirRoleAndServiceAccount() {
        ClusterRoleBinding binding = ConnectManifests.impersonatorBinding("ns1");

        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getRoleRef().getName()).isEqualTo(ConnectManifests.IMPERSONATOR_ROLE);
        assertThat(binding.getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(List.of(s.getKind(), s.getName(), s.getNamespace()))
                        .containsExactly("ServiceAccount", ConnectManifests.GATEWAY_IDENTITY, "ns1"));
    }
}
