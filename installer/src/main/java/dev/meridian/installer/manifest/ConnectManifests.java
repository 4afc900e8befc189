package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects that register a connected cluster with a Meridian management plane
 * ({@code meridian cluster connect}). In the connected cluster: a ServiceAccount for the central
 * gateway whose only right is to impersonate (so the cluster's own RBAC decides every request
 * the gateway forwards), and its long-lived token. In the management plane: the Secret holding
 * the kubeconfig built from that token, and the {@code Cluster} object naming it in
 * {@code spec.config}, as vCluster Platform keeps them.
 */
public final class ConnectManifests {

    /** ServiceAccount (and token Secret prefix) the gateway uses in a connected cluster. */
    public static final String GATEWAY_IDENTITY = "meridian-gateway";

    public static final String IMPERSONATOR_ROLE = "meridian-gateway-impersonator";
    /** The {@code management.loft.sh/v1} {@code Cluster} resource, cluster-scoped, for generic clients. */
    public static final ResourceDefinitionContext CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup(ClusterCrdManifest.GROUP)
            .withVersion("v1")
            .withKind("Cluster")
            .withPlural("clusters")
            .withNamespaced(false)
            .build();

    /** Key of the kubeconfig in the plane's Secret ({@code spec.config.key}). */
    public static final String KUBECONFIG_KEY = "config";

    private ConnectManifests() {}

    /** Namespace, ServiceAccount, token Secret, ClusterRole and binding for the connected cluster, in apply order. */
    public static List<HasMetadata> targetObjects(String namespace) {
        return List.of(
                PlaneManifests.namespace(namespace),
                serviceAccount(namespace),
                tokenSecret(namespace),
                impersonatorRole(),
                impersonatorBinding(namespace));
    }

    /** The username a TokenReview gives the gateway's ServiceAccount in {@code namespace}. */
    public static String gatewayUsername(String namespace) {
        return "system:serviceaccount:" + namespace + ":" + GATEWAY_IDENTITY;
    }

    public static String tokenSecretName() {
        return GATEWAY_IDENTITY + "-token";
    }

    public static ServiceAccount serviceAccount(String namespace) {
        return new ServiceAccountBuilder()
                .withMetadata(ManifestParts.metadata(GATEWAY_IDENTITY, namespace, null))
                .build();
    }

    /** Filled by the API server's token controller with {@code token} and {@code ca.crt}. */
    public static Secret tokenSecret(String namespace) {
        return new SecretBuilder()
                .withMetadata(ManifestParts.metadata(
                        tokenSecretName(), namespace, Map.of("kubernetes.io/service-account.name", GATEWAY_IDENTITY)))
                .withType("kubernetes.io/service-account-token")
                .build();
    }

    /** Impersonation of users, groups, service accounts, UIDs and extras; nothing else. */
    public static ClusterRole impersonatorRole() {
        return new ClusterRoleBuilder()
                .withMetadata(ManifestParts.metadata(IMPERSONATOR_ROLE, null, null))
                .withRules(ClusterRoleManifest.impersonation())
                .build();
    }

    public static ClusterRoleBinding impersonatorBinding(String namespace) {
        return ManifestParts.clusterRoleBinding(
                ManifestParts.metadata(IMPERSONATOR_ROLE + "-" + namespace, null, null),
                IMPERSONATOR_ROLE,
                ManifestParts.serviceAccount(GATEWAY_IDENTITY, namespace));
    }

    /** Name of the plane's Secret holding cluster {@code clusterName}'s kubeconfig. */
    public static String kubeconfigSecretName(String clusterName) {
        return "meridian-cluster-" + clusterName;
    }

    /** The plane's Secret with the kubeconfig that reaches the connected cluster; it holds a credential. */
    public static Secret kubeconfigSecret(String clusterName, String kubeconfig) {
        return new SecretBuilder()
                .withMetadata(ManifestParts.metadata(
                        kubeconfigSecretName(clusterName),
                        PlaneManifests.DEFAULT_NAMESPACE,
                        Map.of(AgentNames.CLUSTER_ANNOTATION, clusterName)))
                .withType("Opaque")
                .addToData(
                        KUBECONFIG_KEY, Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** {@code spec.config} of a Cluster whose kubeconfig is in {@link #kubeconfigSecret}. */
    public static Map<String, Object> clusterConfig(String clusterName) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("secretName", kubeconfigSecretName(clusterName));
        config.put("secretNamespace", PlaneManifests.DEFAULT_NAMESPACE);
        config.put("key", KUBECONFIG_KEY);
        return config;
    }

    /** A new {@code management.loft.sh/v1} Cluster naming its kubeconfig Secret; displayName may be null. */
    public static GenericKubernetesResource cluster(String clusterName, String displayName) {
        GenericKubernetesResource cluster = new GenericKubernetesResource();
        cluster.setApiVersion("management.loft.sh/v1");
        cluster.setKind("Cluster");
        cluster.setMetadata(ManifestParts.metadata(clusterName, null, null));
        Map<String, Object> spec = new LinkedHashMap<>();
        if (displayName != null) {
            spec.put("displayName", displayName);
        }
        spec.put("config", clusterConfig(clusterName));
        cluster.setAdditionalProperty("spec", spec);
        return cluster;
    }
}
