package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.ConnectManifests;
import dev.meridian.installer.manifest.PlaneManifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Registers a connected cluster with a Meridian management plane, and removes it again: the
 * gateway's identity in the connected cluster (impersonation rights only), the kubeconfig Secret
 * in the plane, and the {@code Cluster} object that names it. Idempotent; an existing Cluster
 * keeps its annotations (direct endpoint) and every field but {@code spec.config} (and
 * {@code spec.displayName} when one is given).
 */
public final class ClusterConnector {

    static final ResourceDefinitionContext CLUSTERS = ConnectManifests.CLUSTERS;

    private final KubernetesClient plane;
    private final ObjectApplier planeApplier;
    private final ResourceWaiter waiter;

    /** Applies with server-side apply (field manager {@code meridian}). */
    public ClusterConnector(KubernetesClient plane) {
        this(plane, new ServerSideApplier(plane), AgentInstaller.DEFAULT_POLL_INTERVAL);
    }

    public ClusterConnector(KubernetesClient plane, ObjectApplier planeApplier, Duration pollInterval) {
        this.plane = Objects.requireNonNull(plane, "plane");
        this.planeApplier = Objects.requireNonNull(planeApplier, "planeApplier");
        this.waiter = new ResourceWaiter(Objects.requireNonNull(pollInterval, "pollInterval"));
    }

    /**
     * What to register.
     *
     * @param clusterName the Cluster object's name (a DNS label: it becomes part of URLs)
     * @param displayName shown by the app; null keeps the current one
     * @param server the connected cluster's API server URL as the management plane reaches it;
     *     null: the URL the target context uses
     * @param namespace where the gateway's identity lives in the connected cluster
     * @param serverCaData base64 PEM CA that verifies {@code server}, when it is not the cluster's own API
     *     server (such as the cluster's direct endpoint); null uses the cluster's CA
     */
    public record ConnectSpec(
            String clusterName, String displayName, String server, String namespace, String serverCaData) {
        private static final java.util.regex.Pattern DNS_LABEL =
                java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

        public ConnectSpec {
            if (clusterName == null || !DNS_LABEL.matcher(clusterName).matches()) {
                throw new IllegalArgumentException("'" + clusterName + "' is not a valid cluster name: use at most 63 "
                        + "lower-case letters, digits and '-', starting and ending with a letter or digit");
            }
            namespace = namespace == null ? PlaneManifests.DEFAULT_NAMESPACE : namespace;
            if (!DNS_LABEL.matcher(namespace).matches()) {
                throw new IllegalArgumentException("'" + namespace + "' is not a valid namespace name");
            }
            if (server != null && !server.startsWith("https://")) {
                throw new IllegalArgumentException(
                        "the API server URL must start with https:// (got '" + server + "')");
            }
            if (serverCaData != null && server == null) {
                throw new IllegalArgumentException("a CA for the server needs the server URL it verifies");
            }
        }

        public ConnectSpec(String clusterName, String displayName, String server, String namespace) {
            this(clusterName, displayName, server, namespace, null);
        }
    }

    /** What a connect did: the server the plane will use and what changed. */
    public record ConnectResult(
            String clusterName, String server, ObjectRef secret, Change cluster, List<ObjectRef> applied) {
        public ConnectResult {
            applied = List.copyOf(applied);
        }
    }

    /**
     * Applies the gateway's identity in {@code target}, waits for its token, stores the kubeconfig
     * in the plane and creates or updates the Cluster object.
     *
     * @param target a client of the connected cluster itself, allowed to create RBAC
     * @param targetApplier how objects are applied there
     */
    public ConnectResult connect(
            KubernetesClient target,
            ObjectApplier targetApplier,
            ConnectSpec spec,
            InstallOptions options,
            ProgressListener listener) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<ObjectRef> applied = new ArrayList<>();
        for (HasMetadata object : ConnectManifests.targetObjects(spec.namespace())) {
            Change change = TrackedApply.apply(target, targetApplier, object);
            applied.add(ObjectRef.of(object));
            listener.onEvent(new ProgressEvent.ObjectApplied(ObjectRef.of(object), change));
        }
        Secret token = awaitToken(target, spec.namespace(), options.timeout(), deadline);
        String server = spec.server() != null
                ? spec.server()
                : stripSlash(target.getConfiguration().getMasterUrl());
        String jwt = new String(Base64.getDecoder().decode(token.getData().get("token")), StandardCharsets.UTF_8);
        String ca = spec.serverCaData() != null
                ? spec.serverCaData()
                : token.getData().get("ca.crt");
        String kubeconfig =
                PlaneManifests.tokenKubeconfig(spec.clusterName(), ConnectManifests.GATEWAY_IDENTITY, server, ca, jwt);

        Secret secret = ConnectManifests.kubeconfigSecret(spec.clusterName(), kubeconfig);
        for (HasMetadata object : List.of(PlaneManifests.namespace(PlaneManifests.DEFAULT_NAMESPACE), secret)) {
            Change change = TrackedApply.apply(plane, planeApplier, object);
            applied.add(ObjectRef.of(object));
            listener.onEvent(new ProgressEvent.ObjectApplied(ObjectRef.of(object), change));
        }
        Change cluster = upsertCluster(spec);
        listener.onEvent(new ProgressEvent.ObjectApplied(clusterRef(spec.clusterName()), cluster));
        return new ConnectResult(spec.clusterName(), server, ObjectRef.of(secret), cluster, applied);
    }

    /**
     * Removes the Cluster object and its kubeconfig Secret from the plane and, when {@code target}
     * is given, the gateway's identity from the connected cluster (its namespace stays).
     */
    public List<ObjectRef> disconnect(
            String clusterName, KubernetesClient target, String namespace, ProgressListener listener) {
        List<ObjectRef> deleted = new ArrayList<>();
        try {
            if (!plane.genericKubernetesResources(CLUSTERS)
                    .withName(clusterName)
                    .delete()
                    .isEmpty()) {
                deleted.add(clusterRef(clusterName));
                listener.onEvent(new ProgressEvent.ObjectDeleted(clusterRef(clusterName)));
            }
            delete(plane, ConnectManifests.kubeconfigSecret(clusterName, ""), deleted, listener);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("remove cluster " + clusterName + " from the management plane", e);
        }
        if (target != null) {
            String ns = namespace == null ? PlaneManifests.DEFAULT_NAMESPACE : namespace;
            try {
                for (HasMetadata object : List.of(
                        ConnectManifests.impersonatorBinding(ns),
                        ConnectManifests.impersonatorRole(),
                        ConnectManifests.tokenSecret(ns),
                        ConnectManifests.serviceAccount(ns))) {
                    delete(target, object, deleted, listener);
                }
            } catch (KubernetesClientException e) {
                throw new ClusterAccessException("remove the gateway's identity from cluster " + clusterName, e);
            }
        }
        return List.copyOf(deleted);
    }

    private static void delete(
            KubernetesClient client, HasMetadata object, List<ObjectRef> deleted, ProgressListener listener) {
        if (!client.resource(object).delete().isEmpty()) {
            deleted.add(ObjectRef.of(object));
            listener.onEvent(new ProgressEvent.ObjectDeleted(ObjectRef.of(object)));
        }
    }

    @SuppressWarnings("unchecked")
    private Change upsertCluster(ConnectSpec spec) {
        Resource<GenericKubernetesResource> resource =
                plane.genericKubernetesResources(CLUSTERS).withName(spec.clusterName());
        try {
            GenericKubernetesResource existing = resource.get();
            if (existing == null) {
                plane.genericKubernetesResources(CLUSTERS)
                        .resource(ConnectManifests.cluster(spec.clusterName(), spec.displayName()))
                        .create();
                return Change.CREATED;
            }
            Object current = existing.getAdditionalProperties().get("spec");
            Map<String, Object> clusterSpec = current instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            Map<String, Object> wanted = new LinkedHashMap<>(clusterSpec);
            wanted.put("config", ConnectManifests.clusterConfig(spec.clusterName()));
            if (spec.displayName() != null) {
                wanted.put("displayName", spec.displayName());
            }
            if (wanted.equals(clusterSpec)) {
                return Change.UNCHANGED;
            }
            // An update carries the resourceVersion read above: a concurrent edit fails instead of being lost.
            existing.setAdditionalProperty("spec", wanted);
            plane.genericKubernetesResources(CLUSTERS).resource(existing).update();
            return Change.CONFIGURED;
        } catch (KubernetesClientException e) {
            throw new ApplyException(clusterRef(spec.clusterName()), e);
        }
    }

    private Secret awaitToken(KubernetesClient target, String namespace, Duration timeout, long deadline) {
        String name = ConnectManifests.tokenSecretName();
        String what = "the token of ServiceAccount " + namespace + "/" + ConnectManifests.GATEWAY_IDENTITY;
        try {
            return waiter.await(
                    target.secrets().inNamespace(namespace).withName(name),
                    PlaneInstaller::hasToken,
                    s -> {},
                    deadline);
        } catch (TimeoutException e) {
            throw new WaitTimeoutException(
                    what,
                    timeout,
                    "The API server's token controller fills Secret " + namespace + "/" + name
                            + "; check that it runs.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallInterruptedException("waiting for " + what, e);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("wait for " + what, e);
        }
    }

    private static ObjectRef clusterRef(String name) {
        GenericKubernetesResource cluster = ConnectManifests.cluster(name, null);
        return ObjectRef.of(cluster);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
