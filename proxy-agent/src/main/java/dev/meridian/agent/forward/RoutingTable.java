package dev.meridian.agent.forward;

import dev.meridian.agent.upstream.Upstream;
import java.util.Optional;

/**
 * Maps a normalised request path to the upstream that serves it. Agent mode has one route
 * (the cluster prefix to the local API server); a gateway has several, possibly changing at
 * run time. Implementations must be thread-safe and must only ever answer with an upstream
 * whose route prefix the path is under.
 */
@FunctionalInterface
public interface RoutingTable {

    /** The route for {@code normalizedPath}, or empty when none serves it (the caller answers 404). */
    Optional<RouteMatch> resolve(String normalizedPath);

    /**
     * A resolved route: the upstream, the path to request from it (route prefix removed,
     * upstream base path added) and the route's name for metrics and audit.
     */
    record RouteMatch(String route, Upstream upstream, String upstreamPath) {}
}
