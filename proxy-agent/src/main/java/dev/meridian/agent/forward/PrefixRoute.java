package dev.meridian.agent.forward;

import dev.meridian.agent.upstream.Upstream;
import java.util.Optional;

/** One route: every path under {@code prefix} goes to {@code upstream} with the prefix stripped. */
public final class PrefixRoute implements RoutingTable {
    private final String prefix;
    private final Upstream upstream;

    public PrefixRoute(String prefix, Upstream upstream) {
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.upstream = upstream;
    }

    @Override
    public Optional<RouteMatch> resolve(String normalizedPath) {
        return stripPrefix(prefix, normalizedPath)
                .map(rest -> new RouteMatch(prefix, upstream, upstream.basePath() + rest));
    }

    /** The path below {@code prefix} ("/" when the path is the prefix itself), or empty when not under it. */
    public static Optional<String> stripPrefix(String prefix, String path) {
        if (path.equals(prefix)) {
            return Optional.of("/");
        }
        if (path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
            return Optional.of(path.substring(prefix.length()));
        }
        return Optional.empty();
    }
}
