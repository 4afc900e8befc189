package dev.meridian.agent.forward;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests one client (the user a request is forwarded as) has in flight to the API servers at once: each holds an
 * upstream connection (HTTP/1.1 upstream, so one per request: a watch or exec holds it while it
 * lasts). Without a bound, one HTTP/2 connection with 800 watch streams opened 800 API-server
 * connections. A client leaves the map with its last request, so the map is bounded by the
 * requests in flight.
 */
final class UpstreamBudget {
    /** A count that left the map: whoever still holds it looks the client up again. */
    private static final int RETIRED = -1;

    private final int perClient;
    /**
     * Counted without a lock and without a lambda per request (a map lookup and a compare-and-set);
     * a count that falls to zero is retired before it leaves the map, so no request is ever
     * counted on a count the map no longer holds.
     */
    private final ConcurrentHashMap<String, AtomicInteger> held = new ConcurrentHashMap<>();

    UpstreamBudget(int perClient) {
        this.perClient = perClient;
    }

    /** Takes one for {@code client}, or returns false (nothing taken) when it holds its bound already. */
    boolean tryTake(String client) {
        while (true) {
            AtomicInteger count = held.get(client);
            if (count == null) {
                AtomicInteger fresh = new AtomicInteger(1);
                count = held.putIfAbsent(client, fresh);
                if (count == null) {
                    return true;
                }
            }
            int now = count.get();
            if (now == RETIRED) {
                // Leaving the map right now: wait for the next lookup to see it gone.
                held.remove(client, count);
                continue;
            }
            if (now >= perClient) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release(String client) {
        AtomicInteger count = held.get(client);
        if (count != null && count.decrementAndGet() == 0 && count.compareAndSet(0, RETIRED)) {
            held.remove(client, count);
        }
    }
}
