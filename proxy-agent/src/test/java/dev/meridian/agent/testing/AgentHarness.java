package dev.meridian.agent.testing;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An echo upstream, a token authority and a plain-HTTP agent between them, on loopback. */
public final class AgentHarness implements AutoCloseable {
    public static final String ALICE_TOKEN = "alice-token";
    public static final UserInfo ALICE =
            new UserInfo("alice", "uid-1", List.of("dev", "ops"), Map.of("scopes.example.com/team", List.of("blue")));

    public final EchoUpstream upstream;
    public final FakeAuthority authority;
    public final RecordingAuditSink audit = new RecordingAuditSink();
    public final RunningAgent agent;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public AgentHarness() throws Exception {
        this(b -> b);
    }

    public AgentHarness(UnaryOperator<dev.meridian.agent.config.Builder> customise) throws Exception {
        this(customise, true);
    }

    /** With {@code recordAudit} false, audit events go where the configuration says, not to {@link #audit}. */
    public AgentHarness(UnaryOperator<dev.meridian.agent.config.Builder> customise, boolean recordAudit)
            throws Exception {
        upstream = new EchoUpstream();
        authority = new FakeAuthority().allow(ALICE_TOKEN, ALICE);
        agent = AgentServer.start(
                customise
                        .apply(AgentConfig.builder()
                                .bindHost("127.0.0.1")
                                .port(0)
                                .adminPort(0)
                                .upstream(ClusterSource.of(upstream.config()))
                                .authority(ClusterSource.of(authority.config()))
                                .shutdownGrace(java.time.Duration.ofSeconds(2)))
                        .build(),
                recordAudit ? InProcess.NONE.withAuditSink(audit) : InProcess.NONE);
    }

    public String base() {
        return "http://127.0.0.1:" + agent.port();
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The agent's requests-in-flight gauge, as its admin port's /metrics reports it. */
    public int inFlight() throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.adminPort() + "/metrics"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(l -> l.startsWith("meridian_agent_requests_in_flight "))
                .mapToInt(l ->
                        (int) Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no in-flight gauge in /metrics"));
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close()
            throws java.io.IOException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        agent.close();
        upstream.close();
        authority.close();
    }
}
