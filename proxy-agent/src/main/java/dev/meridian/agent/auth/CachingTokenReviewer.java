package dev.meridian.agent.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Caches reviews by SHA-256 of the token (the raw token is never kept), as the
 * {@link TokenCachePolicy} says: accepted tokens for its accepted time or until the token's own
 * {@code exp}, if it is a JWT that expires sooner; rejected ones in a cache of their own, so a
 * flood of bogus tokens never evicts an accepted one. In each cache expired and then least
 * recently used entries are evicted first. Concurrent reviews of one token share a single call.
 * A token that is neither cached nor being reviewed costs its client a permit of the
 * {@link ReviewRateLimiter}; with none left the answer is {@link Review.Throttled} and the
 * authority is not asked. Cached tokens are never limited. Unavailable outcomes are not cached.
 */
public final class CachingTokenReviewer implements TokenReviewer {
    /** Looking up the provider for every request showed in profiles; a digest resets itself after digest(). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    });

    private final TokenReviewer delegate;
    private final long acceptedNanos;
    private final long rejectedNanos;
    private final LongSupplier epochMillis;
    private final ReviewRateLimiter limiter;
    private final ExpiringLru<TokenDigest, Review> accepted;
    private final ExpiringLru<TokenDigest, Review> rejected;
    private final Map<TokenDigest, CompletableFuture<Review>> inFlight = new HashMap<>();

    /**
     * A token's SHA-256 as four longs: hashed and compared as numbers, with no hex text made
     * for every request.
     */
    record TokenDigest(long a, long b, long c, long d) {
        static TokenDigest of(byte[] sha256) {
            ByteBuffer bytes = ByteBuffer.wrap(sha256);
            return new TokenDigest(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        }

        @Override
        public String toString() {
            return String.format("%016x%016x%016x%016x", a, b, c, d);
        }
    }

    /**
     * @param nanoClock   measures how long entries have been kept ({@link System#nanoTime()})
     * @param epochMillis the wall clock a token's {@code exp} is compared with ({@link System#currentTimeMillis()})
     */
    public CachingTokenReviewer(
            TokenReviewer delegate,
            TokenCachePolicy policy,
            ReviewRateLimiter limiter,
            LongSupplier nanoClock,
            LongSupplier epochMillis) {
        this.delegate = delegate;
        this.limiter = limiter;
        this.acceptedNanos = policy.acceptedTtl().toNanos();
        this.rejectedNanos = policy.rejectedTtl().toNanos();
        this.epochMillis = epochMillis;
        this.accepted = new ExpiringLru<>(policy.acceptedEntries(), nanoClock);
        this.rejected = new ExpiringLru<>(policy.rejectedEntries(), nanoClock);
    }

    public CachingTokenReviewer(TokenReviewer delegate, TokenCachePolicy policy, ReviewRateLimiter limiter) {
        this(delegate, policy, limiter, System::nanoTime, System::currentTimeMillis);
    }

    @Override
    public CompletionStage<Review> review(String token) {
        return review(token, "");
    }

    @Override
    public CompletionStage<Review> review(String token, String clientAddress) {
        TokenDigest key = digest(token);
        CompletableFuture<Review> mine;
        Review known = cached(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        synchronized (this) {
            // Again under the lock settle() takes: a review that finished meanwhile is cached by now.
            known = cached(key);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            CompletableFuture<Review> pending = inFlight.get(key);
            if (pending != null) {
                return pending;
            }
            long waitNanos = limiter.tryAcquire(clientAddress);
            if (waitNanos > 0) {
                return CompletableFuture.completedFuture(new Review.Throttled(Duration.ofNanos(waitNanos)));
            }
            mine = new CompletableFuture<>();
            inFlight.put(key, mine);
        }
        CompletionStage<Review> call;
        try {
            call = delegate.review(token);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((review, error) -> {
            Review outcome =
                    error != null ? new Review.Unavailable("token review failed: " + error.getMessage()) : review;
            settle(key, mine, outcome, cacheNanos(token, outcome));
        });
        return mine;
    }

    private Review cached(TokenDigest key) {
        Review known = accepted.get(key);
        return known != null ? known : rejected.get(key);
    }

    private long cacheNanos(String token, Review review) {
        if (review instanceof Review.Authenticated) {
            return JwtExpiry.cacheNanos(token, acceptedNanos, epochMillis.getAsLong());
        }
        return review instanceof Review.Rejected ? rejectedNanos : 0;
    }

    private void settle(TokenDigest key, CompletableFuture<Review> future, Review review, long ttlNanos) {
        synchronized (this) {
            if (review instanceof Review.Authenticated) {
                accepted.put(key, review, ttlNanos);
            } else if (review instanceof Review.Rejected) {
                rejected.put(key, review, ttlNanos);
            }
            inFlight.remove(key);
        }
        future.complete(review);
    }

    /** Number of cached entries, accepted and rejected, for metrics. */
    public int size() {
        return accepted.size() + rejected.size();
    }

    static TokenDigest digest(String token) {
        return TokenDigest.of(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
