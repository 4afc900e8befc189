package dev.meridian.agent.forward;

import dev.meridian.agent.upstream.Upstream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The central gateway's routing table: {@code /kubernetes/management/**} goes to the management
 * plane and {@code /kubernetes/cluster/<name>/**} to the connected cluster {@code <name>}. Clusters
 * are added, replaced and removed at run time (from the Cluster objects); an unknown name resolves
 * to nothing (404), so a request, and the token reviewed for it, only ever reaches the cluster
 * its normalised path names.
 */
public final class GatewayRoutes implements RoutingTable {
    public static final String MANAGEMENT_PREFIX = "/kubernetes/management";
    public static final String CLUSTER_PREFIX = "/kubernetes/cluster";

    private final Upstream management;
    private final Map<String, Upstream> clusters = new ConcurrentHashMap<>();

    public GatewayRoutes(Upstream management) {
        this.management = Objects.requireNonNull(management, "management");
    }

    /** Routes {@code /kubernetes/cluster/<name>/**} to {@code upstream}, replacing any previous one. */
    public void putCluster(String name, Upstream upstream) {
        if (name == null || !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw new IllegalArgumentException("cluster name must be a DNS subdomain name, got " + name);
        }
        clusters.put(name, Objects.requireNonNull(upstream, "upstream"));
    }

    /** Stops routing to {@code name}; returns the removed upstream so its client can be closed. */
    public Optional<Upstream> removeCluster(String name) {
        return Optional.ofNullable(clusters.remove(name));
    }

    public Set<String> clusterNames() {
        return Set.copyOf(clusters.keySet());
    }

    @Override
    public Optional<RouteMatch> resolve(String normalizedPath) {
        Optional<String> managementPath = PrefixRoute.stripPrefix(MANAGEMENT_PREFIX, normalizedPath);
        if (managementPath.isPresent()) {
            return Optional.of(
                    new RouteMatch(MANAGEMENT_PREFIX, management, management.basePath() + managementPath.get()));
        }
        return PrefixRoute.stripPrefix(CLUSTER_PREFIX, normalizedPath).flatMap(this::resolveCluster);
    }

    private Optional<RouteMatch> resolveCluster(String rest) {
        int end = rest.indexOf('/', 1);
        String name = end < 0 ? rest.substring(1) : rest.substring(1, end);
        Upstream upstream = clusters.get(name);
        if (upstream == null) {
            return Optional.empty();
        }
        String path = end < 0 ? "/" : rest.substring(end);
        return Optional.of(new RouteMatch(CLUSTER_PREFIX + "/" + name, upstream, upstream.basePath() + path));
    }
}
