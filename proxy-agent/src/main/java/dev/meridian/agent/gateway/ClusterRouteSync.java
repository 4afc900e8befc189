package dev.meridian.agent.gateway;

import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.forward.GatewayRoutes;
import dev.meridian.agent.upstream.ClusterEndpoint;
import dev.meridian.agent.upstream.Upstream;
import dev.meridian.agent.upstream.UpstreamFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's cluster routes equal to the management plane's Cluster objects: each
 * Cluster names (in {@code spec.config}) a Secret holding the kubeconfig that reaches it. A
 * Cluster added or changed gets a fresh upstream; one removed loses its route, and closing its
 * upstream ends the requests and watches still open to it.
 *
 * <p>Secrets carry no reference back to their Cluster and vCluster Platform keeps them in any
 * namespace, so rather than watching every Secret of the management plane (and needing the
 * right to), the sync re-reads the Secrets its Clusters name every {@code secretResync}: a
 * rotated kubeconfig gets a fresh upstream, and a Cluster whose Secret appeared late gets its
 * route.
 */
public final class ClusterRouteSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRouteSync.class);

    static final ResourceDefinitionContext CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup("management.loft.sh")
            .withVersion("v1")
            .withKind("Cluster")
            .withPlural("clusters")
            .withNamespaced(false)
            .build();

    private final KubernetesClient management;
    private final UpstreamFactory upstreams;
    private final GatewayRoutes routes;
    private final Duration secretResync;
    /** SHA-256 of the kubeconfig each routed cluster was built from. */
    private final Map<String, String> routedFrom = new ConcurrentHashMap<>();

    private final ScheduledExecutorService resync = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gateway-secret-resync");
        thread.setDaemon(true);
        return thread;
    });
    private SharedIndexInformer<GenericKubernetesResource> informer;

    public ClusterRouteSync(
            KubernetesClient management, UpstreamFactory upstreams, GatewayRoutes routes, Duration secretResync) {
        if (secretResync.isNegative() || secretResync.isZero()) {
            throw new IllegalArgumentException("secretResync must be positive, not " + secretResync);
        }
        this.management = management;
        this.upstreams = upstreams;
        this.routes = routes;
        this.secretResync = secretResync;
    }

    /** Lists the Clusters, routes each, and follows changes; returns once the first list is applied. */
    public ClusterRouteSync start() {
        informer = management
                .genericKubernetesResources(CLUSTERS)
                .inform(
                        new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(GenericKubernetesResource cluster) {
                                route(cluster);
                            }

                            @Override
                            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                                if (!configOf(before).equals(configOf(after))) {
                                    route(after);
                                }
                            }

                            @Override
                            public void onDelete(GenericKubernetesResource cluster, boolean finalStateUnknown) {
                                unroute(cluster.getMetadata().getName(), "its Cluster object was deleted");
                            }
                        },
                        0);
        long period = secretResync.toMillis();
        resync.scheduleWithFixedDelay(this::resyncSecrets, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Re-routes every Cluster whose Secret now holds another kubeconfig than its route was built from. */
    void resyncSecrets() {
        try {
            for (GenericKubernetesResource cluster : informer.getStore().list()) {
                String name = cluster.getMetadata().getName();
                try {
                    String kubeconfig = kubeconfigOf(cluster);
                    if (!fingerprint(kubeconfig).equals(routedFrom.get(name))) {
                        rerouteIfStillListed(cluster);
                    }
                } catch (RuntimeException e) {
                    if (routedFrom.containsKey(name)) {
                        unroute(name, "its kubeconfig can no longer be read: " + e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("gateway secret resync failed: {}", e.toString());
        }
    }

    /**
     * The resync works from a snapshot of the Clusters: one deleted since (its route already
     * removed, so it looks "changed") must not be routed again, or its route outlives it.
     */
    private synchronized void rerouteIfStillListed(GenericKubernetesResource cluster) {
        if (informer.getStore().getByKey(Cache.metaNamespaceKeyFunc(cluster)) == null) {
            return;
        }
        LOG.info(
                "the kubeconfig of cluster {} changed; re-routing it",
                cluster.getMetadata().getName());
        route(cluster);
    }

    private synchronized void route(GenericKubernetesResource cluster) {
        String name = cluster.getMetadata().getName();
        try {
            String kubeconfig = kubeconfigOf(cluster);
            Upstream upstream = upstreams.create(
                    name, ClusterEndpoint.resolve(ClusterSource.of(Config.fromKubeconfig(kubeconfig))));
            Optional<Upstream> previous =
                    routes.clusterNames().contains(name) ? routes.removeCluster(name) : Optional.empty();
            routes.putCluster(name, upstream);
            routedFrom.put(name, fingerprint(kubeconfig));
            previous.ifPresent(ClusterRouteSync::closeQuietly);
            LOG.info("gateway routes /kubernetes/cluster/{} to {}", name, upstream.authority());
        } catch (RuntimeException e) {
            unroute(name, "it cannot be reached: " + e.getMessage());
        }
    }

    private synchronized void unroute(String name, String why) {
        routedFrom.remove(name);
        routes.removeCluster(name).ifPresent(upstream -> {
            closeQuietly(upstream);
            LOG.info("gateway stopped routing /kubernetes/cluster/{}: {}", name, why);
        });
    }

    /** The kubeconfig in the Secret that {@code spec.config} names (secretName, secretNamespace, key). */
    private String kubeconfigOf(GenericKubernetesResource cluster) {
        Map<String, Object> config = configOf(cluster);
        String secretName = text(config.get("secretName"));
        String namespace = text(config.get("secretNamespace"));
        String key = config.get("key") == null ? "config" : text(config.get("key"));
        if (secretName == null || namespace == null) {
            throw new IllegalStateException("spec.config names no secretName and secretNamespace");
        }
        Secret secret =
                management.secrets().inNamespace(namespace).withName(secretName).get();
        if (secret == null || secret.getData() == null || secret.getData().get(key) == null) {
            throw new IllegalStateException("Secret " + namespace + "/" + secretName + " has no key '" + key + "'");
        }
        return new String(Base64.getMimeDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String fingerprint(String kubeconfig) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(kubeconfig.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configOf(GenericKubernetesResource cluster) {
        Object spec = cluster.getAdditionalProperties().get("spec");
        Object config = spec instanceof Map<?, ?> map ? map.get("config") : null;
        return config instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static void closeQuietly(Upstream upstream) {
        upstream.close();
    }

    @Override
    public void close() {
        resync.shutdownNow();
        if (informer != null) {
            informer.close();
        }
        routes.clusterNames().forEach(name -> routes.removeCluster(name).ifPresent(ClusterRouteSync::closeQuietly));
    }
}
