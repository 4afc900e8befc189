package dev.meridian.app.sandbox;

import java.util.Map;
import java.util.Optional;

import dev.meridian.agent.forward.PrefixRoute;
import dev.meridian.agent.forward.RoutingTable;
import dev.meridian.agent.forward.Upstream;

/**
 * The sandbox gateway's routing table: {@code /kubernetes/management/**} to the management
 * plane and {@code /kubernetes/cluster/<name>/**} to each connected cluster. A path under a
 * cluster prefix only ever reaches that cluster; anything else is 404.
 */
final class SandboxRoutes implements RoutingTable {
    static final String MANAGEMENT = "/kubernetes/management";
    static final String CLUSTER = "/kubernetes/cluster/";

    private final PrefixRoute management;
    private final Map<String, PrefixRoute> clusters;

    SandboxRoutes(Upstream management, Map<String, Upstream> clusters) {
        this.management = new PrefixRoute(MANAGEMENT, management);
        this.clusters = clusters.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new PrefixRoute(CLUSTER + e.getKey(), e.getValue())));
    }

    @Override
    public Optional<RouteMatch> resolve(String normalizedPath) {
        if (normalizedPath.startsWith(CLUSTER)) {
            String rest = normalizedPath.substring(CLUSTER.length());
            int slash = rest.indexOf('/');
            PrefixRoute route = clusters.get(slash < 0 ? rest : rest.substring(0, slash));
            return route == null ? Optional.empty() : route.resolve(normalizedPath);
        }
        return management.resolve(normalizedPath);
    }
}
