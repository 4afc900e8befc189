package dev.meridian.agent.forward;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one client (the user a request is forwarded as) has in flight to the API servers at once: each holds an
 * upstream connection (HTTP/1.1 upstream, so one per request: a watch or exec holds it while it
 * lasts). Without a bound, one HTTP/2 connection with 800 watch streams opened 800 API-server
 * connections. A client leaves the map with its last request, so the map is bounded by the
 * requests in flight.
 */
final class UpstreamBudget {
    private final int perClient;
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

    UpstreamBudget(int perClient) {
        this.perClient = perClient;
    }

    /** Takes one for {@code client}, or returns false (nothing taken) when it holds its bound already. */
    boolean tryTake(String client) {
        boolean[] taken = {false};
        held.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= perClient) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(String client) {
        held.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Requests in flight upstream for {@code client}. */
    int held(String client) {
        return held.getOrDefault(client, 0);
    }
}
