package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.testing.AgentHarness;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flood of distinct bogus tokens from one address, through the real agent: few TokenReviews, the rest 429. */
class ReviewRateLimitTest {
    static final int BURST = 5;
    static final int FLOOD = 30;
    AgentHarness h;

    /** An agent per test: each starts with a full budget. */
    @BeforeEach
    void start() throws Exception {
        // A rate this low refills nothing while the test runs, so the burst is the whole budget.
        h = new AgentHarness(b -> b.reviewRate(0.001).reviewBurst(BURST));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void aFloodOfBogusTokensCausesAtMostTheBurstOfReviewsAndTheRestGet429() throws Exception {
        assertThat(h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        int reviewsBefore = h.authority.calls();
        int upstreamBefore = h.upstream.seen().size();
        List<HttpResponse<String>> limited = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            HttpResponse<String> r = h.get("/kubernetes/cluster/api/v1/secrets", "Authorization", "Bearer bogus-" + i);
            assertThat(r.statusCode()).isIn(401, 429);
            if (r.statusCode() == 429) {
                limited.add(r);
            }
        }
        int reviews = h.authority.calls() - reviewsBefore;
        assertThat(reviews)
                .as("TokenReviews caused by %d bogus tokens; Alice's review took one of the burst", FLOOD)
                .isLessThanOrEqualTo(BURST)
                .isEqualTo(BURST - 1);
        assertThat(limited).hasSize(FLOOD - reviews);
        assertThat(h.upstream.seen()).hasSize(upstreamBefore);

        HttpResponse<String> r = limited.get(0);
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isPositive();
        JsonObject status = ProxySecurityTest.assertStatus(r.body(), 429, "TooManyRequests");
        assertThat(status.getJsonObject("details").getLong("retryAfterSeconds")).isEqualTo(retryAfter);
        assertThat(status.getString("message")).contains("try again");
        // An exchange is audited as it completes, just after its answer is written: the client can read the last
        // answer a moment before its event is recorded.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(h.audit.events())
                        .filteredOn(e -> e.responseCode() == 429)
                        .hasSize(limited.size()));
    }

    @Test
    void aCachedTokenIsServedWhileItsAddressIsLimited() throws Exception {
        assertThat(h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0;
                h.get("/kubernetes/cluster/api", "Authorization", "Bearer other-" + i)
                                .statusCode()
                        != 429;
                i++) {
            assertThat(i).as("the burst should run out").isLessThan(BURST);
        }
        int reviewsBefore = h.authority.calls();
        assertThat(h.get("/kubernetes/cluster/api", "Authorization", "Bearer " + ALICE_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(h.authority.calls())
                .as("Alice's cached token caused no TokenReview")
                .isEqualTo(reviewsBefore);
    }
}
