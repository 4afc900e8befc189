package dev.meridian.agent.auth;

import dev.meridian.agent.forward.Upstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Remembers impersonation decisions per cluster, caller and target: allowed ones for
 * {@code allowedTtl}, denied ones for {@code deniedTtl}, at most {@code maxEntries} (least
 * recently used evicted first), so a front proxy's steady traffic costs no API call.
 * Unavailable outcomes are not kept.
 */
public final class CachingImpersonationAuthorizer implements ImpersonationAuthorizer {
    private record Entry(ImpersonationDecision decision, long expiresAtNanos) {
    }

    private final ImpersonationAuthorizer delegate;
    private final long allowedNanos;
    private final long deniedNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> cache;

    public CachingImpersonationAuthorizer(ImpersonationAuthorizer delegate, Duration allowedTtl, Duration deniedTtl,
                                          int maxEntries, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.allowedNanos = allowedTtl.toNanos();
        this.deniedNanos = deniedTtl.toNanos();
        this.nanoClock = nanoClock;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public CompletionStage<ImpersonationDecision> authorize(Upstream cluster, UserInfo caller, UserInfo target) {
        String key = cluster.name() + '\n' + canonical(caller) + '\n' + canonical(target);
        synchronized (this) {
            Entry hit = cache.get(key);
            if (hit != null && hit.expiresAtNanos - nanoClock.getAsLong() > 0) {
                return CompletableFuture.completedFuture(hit.decision);
            }
            cache.remove(key);
        }
        return delegate.authorize(cluster, caller, target).thenApply(decision -> {
            long ttl = decision instanceof ImpersonationDecision.Allowed ? allowedNanos
                    : decision instanceof ImpersonationDecision.Denied ? deniedNanos : 0;
            if (ttl > 0) {
                synchronized (this) {
                    cache.put(key, new Entry(decision, nanoClock.getAsLong() + ttl));
                }
            }
            return decision;
        });
    }

    /** A spelling of the identity that does not depend on the order its parts arrived in. */
    static String canonical(UserInfo user) {
        return user.username() + '\u0000' + user.uid() + '\u0000' + new java.util.TreeSet<>(user.groups())
                + '\u0000' + new TreeMap<>(user.extra());
    }
}
