package dev.meridian.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Caches reviews by SHA-256 of the token (the raw token is never kept): accepted tokens for
 * {@code acceptedTtl} or until the token's own {@code exp}, if it is a JWT that expires sooner;
 * rejected ones for {@code rejectedTtl}; at most {@code maxEntries}, expired and then least
 * recently used ones evicted first. Concurrent reviews of one token share a single call.
 * Unavailable outcomes are not cached.
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
    private final ExpiringLru<TokenDigest, Review> cache;
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
    public CachingTokenReviewer(TokenReviewer delegate, Duration acceptedTtl, Duration rejectedTtl, int maxEntries,
                                LongSupplier nanoClock, LongSupplier epochMillis) {
        this.delegate = delegate;
        this.acceptedNanos = acceptedTtl.toNanos();
        this.rejectedNanos = rejectedTtl.toNanos();
        this.epochMillis = epochMillis;
        this.cache = new ExpiringLru<>(maxEntries, nanoClock);
    }

    public CachingTokenReviewer(TokenReviewer delegate, Duration acceptedTtl, Duration rejectedTtl, int maxEntries) {
        this(delegate, acceptedTtl, rejectedTtl, maxEntries, System::nanoTime, System::currentTimeMillis);
    }

    @Override
    public CompletionStage<Review> review(String token) {
        TokenDigest key = digest(token);
        CompletableFuture<Review> mine;
        Review known = cache.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        synchronized (this) {
            // Again under the lock settle() takes: a review that finished meanwhile is cached by now.
            known = cache.get(key);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            CompletableFuture<Review> pending = inFlight.get(key);
            if (pending != null) {
                return pending;
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
            Review outcome = error != null ? new Review.Unavailable("token review failed: " + error.getMessage()) : review;
            settle(key, mine, outcome, cacheNanos(token, outcome));
        });
        return mine;
    }

    private long cacheNanos(String token, Review review) {
        if (review instanceof Review.Authenticated) {
            return JwtExpiry.cacheNanos(token, acceptedNanos, epochMillis.getAsLong());
        }
        return review instanceof Review.Rejected ? rejectedNanos : 0;
    }

    private void settle(TokenDigest key, CompletableFuture<Review> future, Review review, long ttlNanos) {
        synchronized (this) {
            cache.put(key, review, ttlNanos);
            inFlight.remove(key);
        }
        future.complete(review);
    }

    /** Number of cached entries, for metrics. */
    public int size() {
        return cache.size();
    }

    static TokenDigest digest(String token) {
        return TokenDigest.of(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
