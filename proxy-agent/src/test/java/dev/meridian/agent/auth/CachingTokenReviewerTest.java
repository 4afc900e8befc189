package dev.meridian.agent.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CachingTokenReviewerTest {
    final AtomicLong now = new AtomicLong();
    final AtomicInteger calls = new AtomicInteger();

    TokenReviewer authority = token -> {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(token.startsWith("good")
                ? new Review.Authenticated(UserInfo.of("u-" + token)) : new Review.Rejected("no"));
    };

    CachingTokenReviewer cache(int size) {
        return new CachingTokenReviewer(authority, Duration.ofSeconds(60), Duration.ofSeconds(5), size, now::get);
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
        CachingTokenReviewer c = new CachingTokenReviewer(flaky, Duration.ofSeconds(60), Duration.ofSeconds(5), 10, now::get);
        review(c, "good");
        review(c, "good");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailingAuthorityGivesUnavailable() {
        TokenReviewer broken = token -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
        CachingTokenReviewer c = new CachingTokenReviewer(broken, Duration.ofSeconds(60), Duration.ofSeconds(5), 10, now::get);
        assertThat(review(c, "good")).isInstanceOf(Review.Unavailable.class);
    }

    @Test
    void concurrentReviewsOfOneTokenShareOneCall() {
        CompletableFuture<Review> pending = new CompletableFuture<>();
        TokenReviewer slow = token -> {
            calls.incrementAndGet();
            return pending;
        };
        CachingTokenReviewer c = new CachingTokenReviewer(slow, Duration.ofSeconds(60), Duration.ofSeconds(5), 10, now::get);
        CompletionStage<Review> a = c.review("good");
        CompletionStage<Review> b = c.review("good");
        pending.complete(new Review.Authenticated(UserInfo.of("x")));
        assertThat(a.toCompletableFuture().join()).isEqualTo(b.toCompletableFuture().join());
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
