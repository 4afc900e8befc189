package dev.meridian.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.core.UserInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingTokenReviewerTest {
    final AtomicLong now = new AtomicLong();
    final AtomicLong wallMillis =
            new AtomicLong(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
    final AtomicInteger calls = new AtomicInteger();

    TokenReviewer authority = token -> {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(
                token.startsWith("good")
                        ? new Review.Authenticated(UserInfo.of("u-" + token))
                        : new Review.Rejected("no"));
    };

    TokenReviewer acceptsAll = token -> {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(new Review.Authenticated(UserInfo.of("u")));
    };

    CachingTokenReviewer cache(int size) {
        return cache(authority, Duration.ofSeconds(60), size);
    }

    CachingTokenReviewer cache(TokenReviewer delegate, Duration acceptedTtl, int size) {
        return new CachingTokenReviewer(
                delegate,
                new TokenCachePolicy(acceptedTtl, size, Duration.ofSeconds(5), size),
                ReviewRateLimiter.NONE,
                now::get,
                wallMillis::get);
    }

    /** Both clocks move: the cache's nano clock and the wall clock a JWT's exp is read against. */
    void advance(Duration d) {
        now.addAndGet(d.toNanos());
        wallMillis.addAndGet(d.toMillis());
    }

    Review review(CachingTokenReviewer c, String token) {
        return c.review(token).toCompletableFuture().join();
    }

    @Test
    void acceptedTokensAreReviewedOnceForSixtySeconds() {
        CachingTokenReviewer c = cache(10);
        for (int i = 0; i < 50; i++) {
            assertThat(review(c, "good-1").isAuthenticated()).isTrue();
        }
        assertThat(calls).hasValue(1);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        review(c, "good-1");
        assertThat(calls).hasValue(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        review(c, "good-1");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRevokedTokenIsRefusedWithinTheConfiguredCacheTime() {
        Set<String> revoked = ConcurrentHashMap.newKeySet();
        TokenReviewer revocable = token -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(
                    revoked.contains(token)
                            ? new Review.Rejected("revoked")
                            : new Review.Authenticated(UserInfo.of("u")));
        };
        CachingTokenReviewer c = cache(revocable, Duration.ofSeconds(7), 10);
        assertThat(review(c, "opaque-token").isAuthenticated()).isTrue();
        revoked.add("opaque-token");
        advance(Duration.ofSeconds(6));
        assertThat(review(c, "opaque-token").isAuthenticated())
                .as("still within the 7 s cache time")
                .isTrue();
        advance(Duration.ofSeconds(1));
        assertThat(review(c, "opaque-token"))
                .withFailMessage("a token revoked at the authority must be refused once the cache time has passed")
                .isInstanceOf(Review.Rejected.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void anAcceptedTokenIsNotCachedPastItsOwnExpiry() {
        long exp = wallMillis.get() / 1000 + 3;
        String jwt = Jwts.withPayload("{\"sub\":\"u\",\"exp\":" + exp + "}");
        CachingTokenReviewer c = cache(acceptsAll, Duration.ofSeconds(10), 10);
        review(c, jwt);
        advance(Duration.ofMillis(2999));
        review(c, jwt);
        assertThat(calls).as("reviewed once while the token is valid").hasValue(1);
        advance(Duration.ofMillis(1));
        review(c, jwt);
        assertThat(calls).withFailMessage("the entry outlived the token's exp").hasValue(2);
    }

    @Test
    void anAcceptedTokenAlreadyPastItsExpiryIsNotCached() {
        String jwt = Jwts.withPayload("{\"exp\":" + (wallMillis.get() / 1000 - 1) + "}");
        CachingTokenReviewer c = cache(acceptsAll, Duration.ofSeconds(10), 10);
        assertThat(review(c, jwt).isAuthenticated())
                .as("the authority decides, not the exp claim")
                .isTrue();
        review(c, jwt);
        assertThat(calls).hasValue(2);
    }

    @Test
    void rejectedTokensAreRememberedForFiveSecondsOnly() {
        CachingTokenReviewer c = cache(10);
        assertThat(review(c, "bad")).isInstanceOf(Review.Rejected.class);
        review(c, "bad");
        assertThat(calls).hasValue(1);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        review(c, "bad");
        assertThat(calls).hasValue(2);
    }

    @Test
    void unavailableOutcomesAreNotCached() {
        TokenReviewer flaky = token -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(new Review.Unavailable("down"));
        };
        CachingTokenReviewer c = cache(flaky, Duration.ofSeconds(60), 10);
        review(c, "good");
        review(c, "good");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailingAuthorityGivesUnavailable() {
        TokenReviewer broken = token -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
        CachingTokenReviewer c = cache(broken, Duration.ofSeconds(60), 10);
        assertThat(review(c, "good")).isInstanceOf(Review.Unavailable.class);
    }

    @Test
    void concurrentReviewsOfOneTokenShareOneCall() {
        CompletableFuture<Review> pending = new CompletableFuture<>();
        TokenReviewer slow = token -> {
            calls.incrementAndGet();
            return pending;
        };
        CachingTokenReviewer c = cache(slow, Duration.ofSeconds(60), 10);
        CompletionStage<Review> a = c.review("good");
        CompletionStage<Review> b = c.review("good");
        pending.complete(new Review.Authenticated(UserInfo.of("x")));
        assertThat(a.toCompletableFuture().join())
                .isEqualTo(b.toCompletableFuture().join());
        assertThat(calls).hasValue(1);
    }

    @Test
    void theCacheIsBoundedAndEvictsTheLeastRecentlyUsed() {
        CachingTokenReviewer c = cache(2);
        review(c, "good-a");
        review(c, "good-b");
        review(c, "good-a");
        review(c, "good-c");
        assertThat(c.size()).isEqualTo(2);
        int before = calls.get();
        review(c, "good-a");
        assertThat(calls).hasValue(before);
        review(c, "good-b");
        assertThat(calls).hasValue(before + 1);
    }

    @Test
    void keysAreTheSha256OfTheToken() {
        assertThat(CachingTokenReviewer.digest("abc"))
                .hasToString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isEqualTo(CachingTokenReviewer.digest("abc"))
                .isNotEqualTo(CachingTokenReviewer.digest("abd"));
    }
}
