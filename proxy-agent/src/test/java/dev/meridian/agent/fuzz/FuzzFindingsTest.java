package dev.meridian.agent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.testing.AgentHarness;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failures {@link FrontFuzzTest} found, each cut down to the few bytes that still show it, so
 * a fix can be checked without a fuzz run. {@code ~} in a request stands for CRLF.
 */
class FuzzFindingsTest {
    private static final String TOKEN = "Authorization: Bearer " + AgentHarness.ALICE_TOKEN + "~";
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final ExecutorService READERS = Executors.newCachedThreadPool();
    private static AgentHarness h;
    private static AgentProbe probe;

    @BeforeAll
    static void start() throws Exception {
        h = FuzzAgent.start(new ServerTls.Plain());
        probe = new AgentProbe(h, null, HttpClient.Version.HTTP_1_1);
        probe.authenticated(Corpus.PREFIX + "/api");
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
        READERS.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "chunk data longer than its size | POST /kubernetes/cluster/api/v1/namespaces/a/configmaps?fz=%s HTTP/1.1~Host: x~"
                        + TOKEN + "Transfer-Encoding: chunked~~5~hello world~0~~",
                "a chunk size that is no number  | GET /kubernetes/cluster/api?fz=%s HTTP/1.1~Host: x~" + TOKEN
                        + "Transfer-Encoding: chunked~~5~hello~zz~~",
            })
    void aMalformedBodyAfterTheRequestWasForwardedEndsTheCallAndIsAudited(String name, String request)
            throws Exception {
        String id = Corpus.newId(new java.util.SplittableRandom(name.hashCode()));
        int inFlight = probe.inFlight();
        int busy = h.upstream.busyConnections();
        play(request.formatted(id), false);
        assertThat(settled(() -> probe.inFlight() <= inFlight))
                .as("requests in flight return to where they were")
                .isTrue();
        assertThat(settled(() -> h.upstream.busyConnections() <= busy))
                .as("the upstream connection is let go")
                .isTrue();
        assertThat(settled(() -> audited(id) == 1))
                .as("the request is audited once")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET /healthz | GET /healthz HTTP/1.1~Host: x~Content-Length: 5~Transfer-Encoding: chunked~Connection: close~~0~~",
                "GET /readyz  | GET /readyz HTTP/1.1~Host: x~Content-Length: 5~Transfer-Encoding: chunked~Connection: close~~0~~",
                "OPTIONS      | OPTIONS /kubernetes/cluster/api HTTP/1.1~Host: x~Content-Length: 5~Transfer-Encoding: chunked~Connection: close~~0~~",
            })
    void ambiguousFramingIsRefusedOnTheAnonymousEndpointsToo(String name, String request) throws Exception {
        Outcome o = play(request, false);
        assertThat(o.answers())
                .as("answers to %s with Content-Length and Transfer-Encoding", name)
                .first()
                .extracting(Outcome.Answer::status)
                .isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "space before a colon    | 400 | GET /kubernetes/cluster/api?fz=%s HTTP/1.1~Host: x~" + TOKEN
                        + "X-Foo : bar~~",
                "an unknown version      | 400 | GET /kubernetes/cluster/api?fz=%s HTTP/11~Host: x~" + TOKEN + "~",
                "a request line too long | 414 | GET /kubernetes/cluster/api?fz=%s&pad=<70000> HTTP/1.1~Host: x~"
                        + TOKEN + "~",
                "a header too large      | 431 | GET /kubernetes/cluster/api?fz=%s HTTP/1.1~Host: x~" + TOKEN
                        + "X-Big: <70000>~~",
            })
    void aRequestTheParserRefusesIsAudited(String name, int status, String request) throws Exception {
        int before = h.audit.events().size();
        Outcome o = play(
                request.formatted(Corpus.newId(new java.util.SplittableRandom(name.hashCode())))
                        .replace("<70000>", "a".repeat(70_000)),
                false);
        assertThat(o.answers()).extracting(Outcome.Answer::status).containsExactly(status);
        assertThat(settled(() -> h.audit.events().stream().skip(before).anyMatch(e -> e.responseCode() == status)))
                .as("an audit event for the %d", status)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SPDY exec          | POST /kubernetes/cluster/api/v1/namespaces/a/pods/p/exec?command=sh&fz=%s HTTP/1.1~Host: x~"
                        + TOKEN + "Connection: Upgrade~Upgrade: SPDY/3.1~~",
                "WebSocket forward  | GET /kubernetes/cluster/api/v1/namespaces/a/pods/p/portforward?fz=%s HTTP/1.1~Host: x~"
                        + TOKEN
                        + "Connection: Upgrade~Upgrade: websocket~Sec-WebSocket-Version: 13~Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==~~",
            })
    void anUpgradeWhoseClientLeavesAtOnceIsCompletedAndAudited(String name, String request) throws Exception {
        String id = Corpus.newId(new java.util.SplittableRandom(name.hashCode()));
        int inFlight = probe.inFlight();
        play(request.formatted(id), true);
        assertThat(settled(() -> probe.inFlight() <= inFlight))
                .as("requests in flight return to where they were")
                .isTrue();
        assertThat(settled(() -> audited(id) == 1))
                .as("the request is audited once")
                .isTrue();
    }

    @Test
    void anUpgradeTheApiServerRefusesIsRelayedWithItsWholeBody() throws Exception {
        try (PipelineWarnings warnings = new PipelineWarnings()) {
            Outcome o = play(
                    "GET /kubernetes/cluster/api/v1/namespaces/default/pods/denied/exec?command=sh HTTP/1.1~Host: x~"
                            + TOKEN + "Connection: Upgrade, close~Upgrade: SPDY/3.1~~",
                    false);
            assertThat(o.answers()).extracting(Outcome.Answer::status).containsExactly(403);
            assertThat(o.note()).as("the 403's Status body arrives whole").isEmpty();
            assertThat(warnings.since(0)).as("exceptions no handler took").isEmpty();
        }
    }

    private static Outcome play(String request, boolean closeAtOnce) throws Exception {
        List<Step> steps = new java.util.ArrayList<>(List.of(Step.Send.text(request.replace("~", "\r\n"))));
        if (closeAtOnce) {
            steps.add(new Step.Close());
        }
        // Played as a well-formed case: the client reads until the agent closes, and a cut answer is noted.
        return new Http1Exchange(h.agent.port(), null, READERS)
                .play(new FuzzCase("finding", 0, List.of(), steps, FuzzCase.Expect.ANSWERED, 1, List.of(), ""));
    }

    private static long audited(String id) {
        return h.audit.events().stream()
                .map(AuditEvent::requestUri)
                .filter(u -> u.contains("fz=" + id))
                .count();
    }

    private static boolean settled(java.util.concurrent.Callable<Boolean> condition) {
        return Invariants.within(SETTLE, condition);
    }
}
