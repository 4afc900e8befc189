package dev.meridian.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.core.UserInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a flood of distinct bogus tokens may cost: few TokenReviews, and no accepted token evicted. */
class CachingTokenReviewerFloodTest {
    static final int BURST = 40;

    final AtomicLong now = new AtomicLong();
    final AtomicInteger calls = new AtomicInteger();

    TokenReviewer authority = token -> {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(
                token.startsWith("good")
                        ? new Review.Authenticated(UserInfo.of("u-" + token))
                        : new Review.Rejected("no"));
    };

    CachingTokenReviewer cache(TokenReviewer delegate, int acceptedEntries, int rejectedEntries) {
        return new CachingTokenReviewer(
                delegate,
                new TokenCachePolicy(Duration.ofSeconds(10), acceptedEntries, Duration.ofSeconds(5), rejectedEntries),
                new ClientTokenBuckets(20, BURST, 100, now::get),
                now::get,
                System::currentTimeMillis);
    }

    Review review(CachingTokenReviewer c, String token, String client) {
        return c.review(token, client).toCompletableFuture().join();
    }

    @Test
    void aFloodOfBogusTokensFromOneAddressCausesAtMostTheBurstOfReviews() {
        CachingTokenReviewer c = cache(authority, 10, 10);
        int throttled = 0;
        for (int i = 0; i < 18_500; i++) {
            Review r = review(c, "bogus-" + i, "203.0.113.9");
            if (r instanceof Review.Throttled t) {
                assertThat(t.retryAfter()).as("one review per 50 ms at 20/s").isEqualTo(Duration.ofMillis(50));
                throttled++;
            }
        }
        assertThat(calls)
                .as("TokenReviews caused by 18,500 bogus tokens from one address")
                .hasValue(BURST);
        assertThat(throttled).isEqualTo(18_500 - BURST);
        assertThat(review(c, "bogus-x", "198.51.100.1"))
                .as("another address is limited on its own")
                .isInstanceOf(Review.Rejected.class);
    }

    @Test
    void theLimitRefillsAtTheConfiguredRate() {
        CachingTokenReviewer c = cache(authority, 10, 10);
        for (int i = 0; i < BURST; i++) {
            review(c, "bogus-" + i, "203.0.113.9");
        }
        assertThat(review(c, "bogus-a", "203.0.113.9")).isInstanceOf(Review.Throttled.class);
        now.addAndGet(Duration.ofMillis(50).toNanos());
        assertThat(review(c, "bogus-b", "203.0.113.9"))
                .as("one review per 50 ms at 20/s")
                .isInstanceOf(Review.Rejected.class);
        assertThat(review(c, "bogus-c", "203.0.113.9")).isInstanceOf(Review.Throttled.class);
    }

    @Test
    void cachedTokensAreNeverLimited() {
        CachingTokenReviewer c = cache(authority, 10, 2 * BURST);
        review(c, "good-1", "203.0.113.9");
        review(c, "bogus-known", "203.0.113.9");
        for (int i = 0; i < 1000; i++) {
            review(c, "bogus-" + i, "203.0.113.9");
        }
        int before = calls.get();
        for (int i = 0; i < 100; i++) {
            assertThat(review(c, "good-1", "203.0.113.9").isAuthenticated()).isTrue();
            assertThat(review(c, "bogus-known", "203.0.113.9")).isInstanceOf(Review.Rejected.class);
        }
        assertThat(calls).hasValue(before);
    }

    @Test
    void joiningAReviewInFlightTakesNoPermit() {
        CompletableFuture<Review> pending = new CompletableFuture<>();
        TokenReviewer slow = token -> {
            calls.incrementAndGet();
            return pending;
        };
        CachingTokenReviewer c = cache(slow, 10, 10);
        CompletionStage<Review> first = c.review("good-slow", "203.0.113.9");
        for (int i = 0; i < 2 * BURST; i++) {
            assertThat(c.review("good-slow", "203.0.113.9")).isSameAs(first);
        }
        pending.complete(new Review.Authenticated(UserInfo.of("x")));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFloodOfBogusTokensDoesNotEvictAnAcceptedOne() {
        CachingTokenReviewer c = new CachingTokenReviewer(
                authority,
                new TokenCachePolicy(Duration.ofSeconds(10), 2, Duration.ofSeconds(5), 3),
                ReviewRateLimiter.NONE,
                now::get,
                System::currentTimeMillis);
        review(c, "good-1", "");
        for (int i = 0; i < 1000; i++) {
            assertThat(review(c, "bogus-" + i, "")).isInstanceOf(Review.Rejected.class);
        }
        int before = calls.get();
        assertThat(review(c, "good-1", "").isAuthenticated()).isTrue();
        assertThat(calls)
                .withFailMessage("the accepted token was evicted by bogus ones and reviewed again")
                .hasValue(before);
        assertThat(c.size())
                .as("one accepted, the rejected cache at its own bound")
                .isEqualTo(1 + 3);
    }
}
