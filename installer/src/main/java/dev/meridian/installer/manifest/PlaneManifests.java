package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * Objects for the management plane: the {@code clusters.management.loft.sh} CRD (see
 * {@link ClusterCrdManifest}) and the authority that lets agents review tokens there — a
 * ServiceAccount per connected cluster, its long-lived token Secret, and a ClusterRole that
 * allows {@code create tokenreviews} and nothing else.
 */
public final class PlaneManifests {

  public static final String DEFAULT_NAMESPACE = "meridian-system";
  public static final String TOKEN_REVIEWER_ROLE = "meridian-token-reviewer";

  private PlaneManifests() {}

  /** The CustomResourceDefinition for {@code management.loft.sh/v1} {@code Cluster}. */
  public static CustomResourceDefinition clusterCrd() {
    return ClusterCrdManifest.build();
  }

  /** Name of the ServiceAccount (and token Secret) that backs one cluster's agent. */
  public static String authorityName(String clusterName) {
    return "meridian-authority-" + clusterName;
  }

  /** Namespace, ServiceAccount, token Secret, ClusterRole and binding, in apply order. */
  public static List<HasMetadata> authorityObjects(String namespace, String clusterName) {
    return List.of(
        namespace(namespace),
        serviceAccount(namespace, clusterName),
        tokenSecret(namespace, clusterName),
        tokenReviewerRole(),
        tokenReviewerBinding(namespace, clusterName));
  }

  public static Namespace namespace(String namespace) {
    return new NamespaceBuilder()
        .withNewMetadata().withName(namespace).withLabels(AgentNames.labels()).endMetadata()
        .build();
  }

  public static ServiceAccount serviceAccount(String namespace, String clusterName) {
    return new ServiceAccountBuilder()
        .withNewMetadata()
        .withName(authorityName(clusterName))
        .withNamespace(namespace)
        .withLabels(AgentNames.labels())
        .withAnnotations(Map.of(AgentNames.CLUSTER_ANNOTATION, clusterName))
        .endMetadata()
        .build();
  }

  /** A token Secret: the API server's token controller fills {@code data.token} and {@code ca.crt}. */
  public static Secret tokenSecret(String namespace, String clusterName) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(authorityName(clusterName))
        .withNamespace(namespace)
        .withLabels(AgentNames.labels())
        .withAnnotations(Map.of(
            "kubernetes.io/service-account.name", authorityName(clusterName),
            AgentNames.CLUSTER_ANNOTATION, clusterName))
        .endMetadata()
        .withType("kubernetes.io/service-account-token")
        .build();
  }

  public static ClusterRole tokenReviewerRole() {
    return new ClusterRoleBuilder()
        .withNewMetadata().withName(TOKEN_REVIEWER_ROLE).withLabels(AgentNames.labels()).endMetadata()
        .addNewRule()
        .withApiGroups("authentication.k8s.io")
        .withResources("tokenreviews")
        .withVerbs("create")
        .endRule()
        .build();
  }

  public static ClusterRoleBinding tokenReviewerBinding(String namespace, String clusterName) {
    return new ClusterRoleBindingBuilder()
        .withNewMetadata()
        .withName(authorityName(clusterName))
        .withLabels(AgentNames.labels())
        .withAnnotations(Map.of(AgentNames.CLUSTER_ANNOTATION, clusterName))
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", TOKEN_REVIEWER_ROLE)
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(authorityName(clusterName))
        .withNamespace(namespace)
        .endSubject()
        .build();
  }

  /**
   * A kubeconfig reaching the management plane's API server {@code server} with {@code token},
   * trusting {@code caData} (base64 PEM, as in a kubeconfig); to be passed to
   * {@link Authority#managementPlane(String)}.
   */
  public static String authorityKubeconfig(String server, String caData, String token) {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: management\n"
        + "  cluster:\n"
        + "    server: " + quote(server) + "\n"
        + "    certificate-authority-data: " + quote(caData) + "\n"
        + "users:\n"
        + "- name: token-reviewer\n"
        + "  user:\n"
        + "    token: " + quote(token) + "\n"
        + "contexts:\n"
        + "- name: management\n"
        + "  context:\n"
        + "    cluster: management\n"
        + "    user: token-reviewer\n"
        + "current-context: management\n";
  }

  private static String quote(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("authority kubeconfig values must not be empty");
    }
    // A double-quoted YAML scalar; these values are URLs, base64 and JWTs.
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
