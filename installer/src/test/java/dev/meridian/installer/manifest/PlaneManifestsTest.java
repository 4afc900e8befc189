package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaneManifestsTest {

    @Test
    void clusterCrdHasTheVclusterPlatformShape() {
        CustomResourceDefinition crd = PlaneManifests.clusterCrd();

        assertThat(crd.getMetadata().getName()).isEqualTo("clusters.management.loft.sh");
        assertThat(crd.getSpec().getGroup()).isEqualTo("management.loft.sh");
        assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("Cluster");
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("clusters");
        CustomResourceDefinitionVersion v1 = crd.getSpec().getVersions().get(0);
        assertThat(v1.getName()).isEqualTo("v1");
        assertThat(v1.getServed()).isTrue();
        assertThat(v1.getStorage()).isTrue();
        assertThat(v1.getSubresources().getStatus()).isNotNull();
        JSONSchemaProps root = v1.getSchema().getOpenAPIV3Schema();
        JSONSchemaProps spec = root.getProperties().get("spec");
        JSONSchemaProps status = root.getProperties().get("status");
        assertThat(root.getXKubernetesPreserveUnknownFields()).isTrue();
        assertThat(spec.getXKubernetesPreserveUnknownFields())
                .as("unknown spec fields are kept")
                .isTrue();
        assertThat(spec.getProperties())
                .containsOnlyKeys(
                        "displayName", "description", "owner", "config", "local", "managementNamespace", "access");
        assertThat(spec.getProperties().get("config").getProperties())
                .containsOnlyKeys("secretName", "secretNamespace", "key");
        assertThat(spec.getProperties().get("local").getType()).isEqualTo("boolean");
        assertThat(status.getProperties()).containsOnlyKeys("phase", "reason", "message");
    }

    @Test
    void authorityObjectsLetOneServiceAccountReviewTokensAndNothingElse() {
        List<HasMetadata> objects = PlaneManifests.authorityObjects("meridian-system", "eu-west");

        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .containsExactly("Namespace", "ServiceAccount", "Secret", "ClusterRole", "ClusterRoleBinding");
        Secret token = (Secret) objects.get(2);
        assertThat(token.getType()).isEqualTo("kubernetes.io/service-account-token");
        assertThat(token.getMetadata().getAnnotations())
                .containsEntry("kubernetes.io/service-account.name", "meridian-authority-eu-west");
        ClusterRole role = (ClusterRole) objects.get(3);
        assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("authentication.k8s.io");
            assertThat(rule.getResources()).containsExactly("tokenreviews");
            assertThat(rule.getVerbs()).containsExactly("create");
        });
        ClusterRoleBinding binding = (ClusterRoleBinding) objects.get(4);
        assertThat(binding.getSubjects().get(0).getName()).isEqualTo("meridian-authority-eu-west");
        assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo("meridian-system");
    }

    @Test
    @SuppressWarnings("unchecked")
    void authorityKubeconfigParsesAsAKubeconfig() {
        String kubeconfig = PlaneManifests.authorityKubeconfig("https://plane.example.com:6443", "Q0E=", "tok\"en");

        Map<String, Object> parsed = new KubernetesSerialization().unmarshal(kubeconfig, Map.class);
        var cluster = (Map<String, Object>)
                ((Map<String, Object>) ((List<Object>) parsed.get("clusters")).get(0)).get("cluster");
        var user =
                (Map<String, Object>) ((Map<String, Object>) ((List<Object>) parsed.get("users")).get(0)).get("user");
        assertThat(cluster)
                .containsEntry("server", "https://plane.example.com:6443")
                .containsEntry("certificate-authority-data", "Q0E=");
        assertThat(user).containsEntry("token", "tok\"en");
        assertThat(parsed).containsEntry("current-context", "management");
    }
}
