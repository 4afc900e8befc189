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
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
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
                .withMetadata(ManifestParts.metadata(namespace, null, null))
                .build();
    }

    public static ServiceAccount serviceAccount(String namespace, String clusterName) {
        return new ServiceAccountBuilder()
                .withMetadata(ManifestParts.metadata(
                        authorityName(clusterName), namespace, Map.of(AgentNames.CLUSTER_ANNOTATION, clusterName)))
                .build();
    }

    /** A token Secret: the API server's token controller fills {@code data.token} and {@code ca.crt}. */
    public static Secret tokenSecret(String namespace, String clusterName) {
        return new SecretBuilder()
                .withMetadata(ManifestParts.metadata(
                        authorityName(clusterName),
                        namespace,
                        Map.of(
                                "kubernetes.io/service-account.name",
                                authorityName(clusterName),
                                AgentNames.CLUSTER_ANNOTATION,
                                clusterName)))
                .withType("kubernetes.io/service-account-token")
                .build();
    }

    public static ClusterRole tokenReviewerRole() {
        return new ClusterRoleBuilder()
                .withMetadata(ManifestParts.metadata(TOKEN_REVIEWER_ROLE, null, null))
                .withRules(ManifestParts.rule("authentication.k8s.io", List.of("tokenreviews"), "create"))
                .build();
    }

    public static ClusterRoleBinding tokenReviewerBinding(String namespace, String clusterName) {
        return ManifestParts.clusterRoleBinding(
                ManifestParts.metadata(
                        authorityName(clusterName), null, Map.of(AgentNames.CLUSTER_ANNOTATION, clusterName)),
                TOKEN_REVIEWER_ROLE,
                ManifestParts.serviceAccount(authorityName(clusterName), namespace));
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
                .withMetadata(ManifestParts.metadata(GATEWAY_RECORD, DEFAULT_NAMESPACE, null))
                .withData(data)
                .build();
        String reader = GATEWAY_RECORD + "-reader";
        Role readerRole = new RoleBuilder()
                .withMetadata(ManifestParts.metadata(reader, DEFAULT_NAMESPACE, null))
                .withRules(ManifestParts.namedRule("", "configmaps", GATEWAY_RECORD, "get"))
                .build();
        RoleBinding everyone = ManifestParts.roleBinding(
                ManifestParts.metadata(reader, DEFAULT_NAMESPACE, null),
                reader,
                new SubjectBuilder()
                        .withKind("Group")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName("system:authenticated")
                        .build());
        return List.of(namespace(DEFAULT_NAMESPACE), record, readerRole, everyone);
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
