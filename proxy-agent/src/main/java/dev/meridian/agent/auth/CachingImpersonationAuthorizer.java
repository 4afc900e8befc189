package dev.meridian.agent.auth;

import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.upstream.Upstream;
import java.time.Duration;
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
    private final ImpersonationAuthorizer delegate;
    private final long allowedNanos;
    private final long deniedNanos;
    private final ExpiringLru<String, ImpersonationDecision> cache;

    public CachingImpersonationAuthorizer(
            ImpersonationAuthorizer delegate,
            Duration allowedTtl,
            Duration deniedTtl,
            int maxEntries,
            LongSupplier nanoClock) {
        this.delegate = delegate;
        this.allowedNanos = allowedTtl.toNanos();
        this.deniedNanos = deniedTtl.toNanos();
        this.cache = new ExpiringLru<>(maxEntries, nanoClock);
    }

    @Override
    public CompletionStage<ImpersonationDecision> authorize(Upstream cluster, UserInfo caller, UserInfo target) {
        String key = cluster.name() + '\n' + canonical(caller) + '\n' + canonical(target);
        ImpersonationDecision known = cache.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return delegate.authorize(cluster, caller, target).thenApply(decision -> {
            cache.put(
                    key,
                    decision,
                    decision instanceof ImpersonationDecision.Allowed
                            ? allowedNanos
                            : decision instanceof ImpersonationDecision.Denied ? deniedNanos : 0);
            return decision;
        });
    }

    /** A spelling of the identity that does not depend on the order its parts arrived in. */
    static String canonical(UserInfo user) {
        return user.username()
                + '\u0000'
                + user.uid()
                + '\u0000'
                + new java.util.TreeSet<>(user.groups())
                + '\u0000'
                + new TreeMap<>(user.extra());
    }
}
