package dev.meridian.installer.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and labels shared by the agent's objects; the app and the agent rely on them. */
public final class AgentNames {

    /** Deployment, ServiceAccount, Service and PodDisruptionBudget name. */
    public static final String AGENT = "loft-agent";
    /**
     * The Ingress, named as the platform's documentation has admins create it, so an install finds
     * (and adopts) one made by hand instead of adding a second Ingress for the same host.
     */
    public static final String INGRESS = "loft-agent-ingress";
    /** What installs before the Ingress was named {@link #INGRESS} called it; an install replaces it. */
    public static final String LEGACY_INGRESS = "loft-agent";
    /** Secret the agent writes its self-signed CA into (key {@link #CA_KEY}). */
    public static final String CA_SECRET = "loft-agent-ca";

    public static final String CA_KEY = "ca.crt";
    /** Role and RoleBinding that let the agent manage {@link #CA_SECRET}. */
    public static final String CA_ROLE = "loft-agent-ca";
    /** LoadBalancer/NodePort Service used when the agent serves TLS itself. */
    public static final String EXTERNAL_SERVICE = "loft-agent-external";
    /** Secret holding the management-plane kubeconfig (key {@link #AUTHORITY_KEY}). */
    public static final String AUTHORITY_SECRET = "loft-agent-authority";

    public static final String AUTHORITY_KEY = "kubeconfig";
    public static final String AUTHORITY_MOUNT = "/etc/meridian/authority";

    public static final int HTTP_PORT = 8080;
    public static final int ADMIN_PORT = 8081;

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "meridian";
    /** Label selecting every object the installer created: {@code app.kubernetes.io/managed-by=meridian}. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

    public static final String CLUSTER_ANNOTATION = "meridian.dev/cluster";
    public static final String HOST_ANNOTATION = "meridian.dev/host";
    public static final String EXPOSURE_ANNOTATION = "meridian.dev/exposure";
    /**
     * On an Ingress Meridian adopted: the Ingress as it was before (JSON of its labels, annotations
     * and spec), which uninstall puts back instead of deleting it.
     */
    public static final String ADOPTED_ANNOTATION = "meridian.dev/adopted-from";

    private AgentNames() {}

    /** Name of the ClusterRole and ClusterRoleBinding; cluster-scoped, so it carries the namespace. */
    public static String clusterRole(String namespace) {
        return "meridian-loft-agent-" + namespace;
    }

    /** Pod selector; never changes between versions (a Deployment's selector is immutable). */
    public static Map<String, String> selector() {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app.kubernetes.io/name", AGENT);
        selector.put("app.kubernetes.io/instance", AGENT);
        return Collections.unmodifiableMap(selector);
    }

    /** Labels on every object: the selector, the manager and the component. */
    public static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", AGENT);
        labels.put("app.kubernetes.io/instance", AGENT);
        labels.put("app.kubernetes.io/component", "direct-endpoint");
        labels.put("app.kubernetes.io/part-of", "meridian");
        labels.put(MANAGED_BY, MANAGER);
        return Collections.unmodifiableMap(labels);
    }

    /** {@link #labels()} with the component the spec deploys: a direct endpoint or the central gateway. */
    public static Map<String, String> labels(InstallSpec spec) {
        if (!spec.isGateway()) {
            return labels();
        }
        Map<String, String> labels = new LinkedHashMap<>(labels());
        labels.put("app.kubernetes.io/component", "central-gateway");
        return Collections.unmodifiableMap(labels);
    }

    /** Annotations on every object: which Cluster of the management plane it serves (none for the gateway). */
    public static Map<String, String> annotations(InstallSpec spec) {
        return spec.isGateway() ? Map.of() : Map.of(CLUSTER_ANNOTATION, spec.clusterName());
    }
}
