package dev.meridian.agent.http;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Bounds the client connections held open: in total and per client address. A connection past
 * either bound is still taken, so that health checks (kubelet probes, a load balancer) are
 * answered even while a flood holds every slot, but it serves only {@code /healthz} and
 * {@code /readyz}; past a small reserve of such connections the rest are closed at once.
 * Every count is given back when its connection closes, whatever ends it.
 */
final class ConnectionLimits {
    /** How a new connection is admitted. */
    enum Admission {
        FULL,
        HEALTH_ONLY,
        REFUSED
    }

    /** Connections beyond the limits kept for health checks; each lives only until its one answer or the head timeout. */
    static final int HEALTH_RESERVE = 64;

    private final int maxTotal;
    private final int maxPerClient;
    private final Predicate<String> unlimitedClient;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger reserve = new AtomicInteger();
    /** Open connections per client address; an address leaves the map with its last connection, so the map is bounded by them. */
    private final ConcurrentHashMap<InetAddress, Integer> perClient = new ConcurrentHashMap<>();

    /**
     * @param unlimitedClient addresses (IP literals) exempt from the per-client bound (trusted front proxies,
     *                        which carry many users' connections); still counted in the total
     */
    ConnectionLimits(int maxTotal, int maxPerClient, Predicate<String> unlimitedClient) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
        this.unlimitedClient = unlimitedClient;
    }

    /** Counts {@code ch} in and says how it may be served; its close gives the count back. */
    Admission admit(Channel ch) {
        InetAddress client = ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        boolean perClientOk = true;
        if (client != null && !unlimitedClient.test(client.getHostAddress())) {
            perClientOk = perClient.merge(client, 1, Integer::sum) <= maxPerClient;
            ch.closeFuture().addListener(f -> perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1));
        }
        boolean totalOk = total.incrementAndGet() <= maxTotal;
        ch.closeFuture().addListener(f -> total.decrementAndGet());
        if (perClientOk && totalOk) {
            return Admission.FULL;
        }
        if (reserve.incrementAndGet() <= HEALTH_RESERVE) {
            ch.closeFuture().addListener(f -> reserve.decrementAndGet());
            return Admission.HEALTH_ONLY;
        }
        reserve.decrementAndGet();
        return Admission.REFUSED;
    }
}
