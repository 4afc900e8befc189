package dev.meridian.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.core.UserInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesTokenReviewerTest {

    @Test
    void anAuthenticatedReviewCarriesTheWholeUser() {
        Review r = KubernetesTokenReviewer.interpret(201, """
                {"status":{"authenticated":true,"user":{"username":"alice","uid":"u1","groups":["a","b"],
                 "extra":{"scopes":["x","y"]}}}}""");
        assertThat(r)
                .isEqualTo(new Review.Authenticated(
                        new UserInfo("alice", "u1", List.of("a", "b"), Map.of("scopes", List.of("x", "y")))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not authenticated     | 201 | {\"status\":{\"authenticated\":false,\"error\":\"expired\"}}         | Rejected",
                "no username           | 201 | {\"status\":{\"authenticated\":true,\"user\":{}}}                   | Rejected",
                "no status (echo mock) | 201 | {\"kind\":\"TokenReview\",\"spec\":{\"token\":\"t\"}}              | Unavailable",
                "forbidden to review   | 403 | {\"kind\":\"Status\"}                                               | Unavailable",
                "garbage               | 200 | <html>                                                              | Unavailable",
            })
    void otherAnswersAreRejectionsOrUnavailability(String name, int status, String body, String outcome) {
        assertThat(KubernetesTokenReviewer.interpret(status, body).getClass().getSimpleName())
                .isEqualTo(outcome);
    }
}
