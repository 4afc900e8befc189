package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
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
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
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

    /**
     * ConfigMap in {@link #DEFAULT_NAMESPACE} where {@code plane install --gateway} records how the
     * central gateway is reached; every authenticated user may read it, so the app can point
     * central-route contexts at the gateway. Keys: {@link #GATEWAY_URL_KEY} ({@code https://host[:port]}),
     * optionally {@link #GATEWAY_CA_KEY} (PEM) and {@link #GATEWAY_INSECURE_KEY} ({@code "true"}).
     */
    public static final String GATEWAY_RECORD = "meridian-gateway";

    public static final String GATEWAY_URL_KEY = "url";
    public static final String GATEWAY_CA_KEY = "ca.crt";
    public static final String GATEWAY_INSECURE_KEY = "insecure";

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
                .withNewMetadata()
                .withName(namespace)
                .withLabels(AgentNames.labels())
                .endMetadata()
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
                        "kubernetes.io/service-account.name",
                        authorityName(clusterName),
                        AgentNames.CLUSTER_ANNOTATION,
                        clusterName))
                .endMetadata()
                .withType("kubernetes.io/service-account-token")
                .build();
    }

    public static ClusterRole tokenReviewerRole() {
        return new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(TOKEN_REVIEWER_ROLE)
                .withLabels(AgentNames.labels())
                .endMetadata()
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
     * The gateway record and the Role and RoleBinding that let every authenticated user read it
     * (only it: the Role names the one ConfigMap).
     *
     * @param url {@code https://host[:port]} of the gateway
     * @param caPem the CA that signs the gateway's certificate, or null for system trust
     */
    public static List<HasMetadata> gatewayRecord(String url, String caPem, boolean insecure) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put(GATEWAY_URL_KEY, url);
        if (caPem != null) {
            data.put(GATEWAY_CA_KEY, caPem);
        }
        if (insecure) {
            data.put(GATEWAY_INSECURE_KEY, "true");
        }
        ConfigMap record = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(GATEWAY_RECORD)
                .withNamespace(DEFAULT_NAMESPACE)
                .withLabels(AgentNames.labels())
                .endMetadata()
                .withData(data)
                .build();
        Role reader = new RoleBuilder()
                .withNewMetadata()
                .withName(GATEWAY_RECORD + "-reader")
                .withNamespace(DEFAULT_NAMESPACE)
                .withLabels(AgentNames.labels())
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withResourceNames(GATEWAY_RECORD)
                .withVerbs("get")
                .endRule()
                .build();
        RoleBinding everyone = new RoleBindingBuilder()
                .withNewMetadata()
                .withName(GATEWAY_RECORD + "-reader")
                .withNamespace(DEFAULT_NAMESPACE)
                .withLabels(AgentNames.labels())
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", GATEWAY_RECORD + "-reader")
                .addNewSubject()
                .withKind("Group")
                .withApiGroup("rbac.authorization.k8s.io")
                .withName("system:authenticated")
                .endSubject()
                .build();
        return List.of(namespace(DEFAULT_NAMESPACE), record, reader, everyone);
    }

    /**
     * A kubeconfig reaching the management plane's API server {@code server} with {@code token},
     * trusting {@code caData} (base64 PEM, as in a kubeconfig); to be passed to
     * {@link Authority#managementPlane(String)}.
     */
    public static String authorityKubeconfig(String server, String caData, String token) {
        return tokenKubeconfig("management", "token-reviewer", server, caData, token);
    }

    /**
     * A one-context kubeconfig reaching {@code server} with a bearer {@code token}, trusting
     * {@code caData} (base64 PEM); {@code cluster} names the cluster and context entries.
     */
    public static String tokenKubeconfig(String cluster, String user, String server, String caData, String token) {
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + quote(cluster) + "\n"
                + "  cluster:\n"
                + "    server: " + quote(server) + "\n"
                + "    certificate-authority-data: " + quote(caData) + "\n"
                + "users:\n"
                + "- name: " + quote(user) + "\n"
                + "  user:\n"
                + "    token: " + quote(token) + "\n"
                + "contexts:\n"
                + "- name: " + quote(cluster) + "\n"
                + "  context:\n"
                + "    cluster: " + quote(cluster) + "\n"
                + "    user: " + quote(user) + "\n"
                + "current-context: " + quote(cluster) + "\n";
    }

    private static String quote(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("authority kubeconfig values must not be empty");
        }
        // A double-quoted YAML scalar; these values are URLs, base64 and JWTs.
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
