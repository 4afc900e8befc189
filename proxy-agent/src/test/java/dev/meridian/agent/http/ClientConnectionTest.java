package dev.meridian.agent.http;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.RawHttp;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.x as clients and ingresses speak it to the agent's listener, byte by byte. */
class ClientConnectionTest {
    private static AgentHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new AgentHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static String get(String path, String version, String... extra) {
        StringBuilder r = new StringBuilder("GET /kubernetes/cluster" + path + " " + version + "\r\n")
                .append("Host: agent\r\nAuthorization: Bearer " + ALICE_TOKEN + "\r\n");
        for (String e : extra) {
            r.append(e).append("\r\n");
        }
        return r.append("\r\n").toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderOnOneConnection() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send(get("/api/v1/first", "HTTP/1.1")
                    + get("/api/v1/second", "HTTP/1.1")
                    + get("/api/v1/third", "HTTP/1.1"));
            for (String name : new String[] {"first", "second", "third"}) {
                String head = raw.readHead();
                assertThat(RawHttp.status(head)).isEqualTo(200);
                assertThat(raw.readBytes(contentLength(head))).contains("\"uri\":\"/api/v1/" + name + "\"");
            }
        }
    }

    @Test
    void thousandsOfRequestsPipelinedBehindOneWaitingForItsReviewAreAllAnsweredInOrder() throws Exception {
        // The first request's token is not cached: its review is a call to the authority, and
        // everything after it waits. Then each health check is answered at once, one after another.
        h.authority.allow("fresh-token", AgentHarness.ALICE);
        int checks = 3000;
        StringBuilder burst = new StringBuilder(get("/api/v1/first", "HTTP/1.1").replace(ALICE_TOKEN, "fresh-token"));
        burst.append("GET /healthz HTTP/1.1\r\nHost: agent\r\n\r\n".repeat(checks));
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send(burst.toString());
            String head = raw.readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            assertThat(raw.readBytes(contentLength(head))).contains("/api/v1/first");
            for (int i = 0; i < checks; i++) {
                String check = raw.readHead();
                assertThat(RawHttp.status(check)).as("health check %d", i).isEqualTo(200);
                assertThat(raw.readBytes(contentLength(check))).isEqualTo("ok");
            }
        }
    }

    @Test
    void anHttp10ClientIsAnsweredInHttp10AndTheConnectionThenCloses() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send(get("/api/v1/old", "HTTP/1.0"));
            String head = raw.readHead();
            assertThat(head).startsWith("HTTP/1.0 200").doesNotContainIgnoringCase("transfer-encoding");
            assertThat(raw.readBytes(contentLength(head))).contains("/api/v1/old");
            assertThat(raw.readLine()).as("closed after the answer").isEmpty();
        }
    }

    @Test
    void aHeadAnswerHasNoBodyAndTheConnectionServesTheNextRequest() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send(get("/api/v1/probe", "HTTP/1.1").replaceFirst("GET", "HEAD") + get("/api/v1/after", "HTTP/1.1"));
            String head = raw.readHead();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            String next = raw.readHead();
            assertThat(next).as("the HEAD answer carried no body").startsWith("HTTP/1.1 200");
            assertThat(raw.readBytes(contentLength(next))).contains("/api/v1/after");
        }
    }

    @Test
    void aPlainHttpOfferOfHttp2IsServedAsHttp11AndNotRelayed() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send(get(
                    "/api/v1/h2c",
                    "HTTP/1.1",
                    "Connection: Upgrade, HTTP2-Settings",
                    "Upgrade: h2c",
                    "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA"));
            String head = raw.readHead();
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(raw.readBytes(contentLength(head))).contains("/api/v1/h2c");
        }
        assertThat(h.upstream.last().headers().contains("Upgrade")).isFalse();
        assertThat(h.upstream.last().headers().contains("HTTP2-Settings")).isFalse();
    }

    @Test
    void aMalformedRequestIs400AndTheConnectionCloses() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send("GET /kubernetes/cluster/api HTTP/1.1\r\nHost: agent\r\nBroken header line\r\n\r\n");
            String head = raw.readHead();
            assertThat(RawHttp.status(head)).isEqualTo(400);
            assertThat(head).containsIgnoringCase("connection: close");
        }
    }

    @Test
    void anOverlongRequestLineIs414() throws Exception {
        try (RawHttp raw = new RawHttp(h.agent.port())) {
            raw.send(get("/api/v1/pods?labelSelector=" + "a".repeat(ProxyServer.MAX_LINE), "HTTP/1.1"));
            assertThat(RawHttp.status(raw.readHead())).isEqualTo(414);
        }
    }
}
