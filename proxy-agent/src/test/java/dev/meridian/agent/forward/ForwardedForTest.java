package dev.meridian.agent.forward;

import static dev.meridian.agent.testing.AgentHarness.ALICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.config.Cidr;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import dev.meridian.agent.testing.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API server learns the client's address from the agent, not from what the client claims. */
class ForwardedForTest {
    static final String[] CLAIMS = {
        "X-Forwarded-For",
        "6.6.6.6, 10.0.0.7",
        "Forwarded",
        "for=6.6.6.6",
        "X-Real-IP",
        "6.6.6.6",
        "X-Forwarded-Host",
        "evil.example",
        "X-Forwarded-Proto",
        "https",
        "X-Forwarded-Port",
        "443"
    };

    @Test
    void aClientsForwardingHeadersAreReplacedByTheAddressTheAgentSaw() throws Exception {
        try (AgentHarness h = new AgentHarness()) {
            EchoUpstream.Seen seen = getWithClaims(h, "replaced");

            assertThat(seen.headers().getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
            for (String claim :
                    List.of("Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port")) {
                assertThat(seen.headers().contains(claim))
                        .as("%s forwarded", claim)
                        .isFalse();
            }
            assertThat(auditedSource(h, "replaced")).containsExactly("127.0.0.1");
        }
    }

    @Test
    void aPeerOutsideTheTrustedForwardersIsTreatedAsAClient() throws Exception {
        try (AgentHarness h = new AgentHarness(b -> b.trustedForwarders(List.of(Cidr.parse("10.0.0.0/8"))))) {
            EchoUpstream.Seen seen = getWithClaims(h, "outside");

            assertThat(seen.headers().getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
            assertThat(auditedSource(h, "outside")).containsExactly("127.0.0.1");
        }
    }

    @Test
    void aTrustedForwardersChainIsExtendedWithItsAddress() throws Exception {
        try (AgentHarness h = new AgentHarness(b -> b.trustedForwarders(List.of(Cidr.parse("127.0.0.0/8"))))) {
            EchoUpstream.Seen seen = getWithClaims(h, "extended");

            assertThat(seen.headers().getAll("X-Forwarded-For")).containsExactly("6.6.6.6, 10.0.0.7, 127.0.0.1");
            assertThat(seen.headers().get("X-Forwarded-Proto")).isEqualTo("https");
            assertThat(seen.headers().get("X-Forwarded-Host")).isEqualTo("evil.example");
            assertThat(seen.headers().contains("Forwarded")).isFalse();
            assertThat(seen.headers().contains("X-Real-IP")).isFalse();
            assertThat(auditedSource(h, "extended"))
                    .as("client first, as the API server lists them")
                    .containsExactly("6.6.6.6", "10.0.0.7", "127.0.0.1");
        }
    }

    @Test
    void anUpgradeCarriesTheReplacedAddressToo() throws Exception {
        try (AgentHarness h = new AgentHarness();
                RawHttp raw = new RawHttp(h.agent.port())) {
            String head = raw.send("POST /kubernetes/cluster/api/v1/namespaces/a/pods/p/exec?command=sh HTTP/1.1\r\n"
                            + "Host: x\r\nAuthorization: Bearer " + ALICE_TOKEN
                            + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                            + "X-Forwarded-For: 6.6.6.6\r\nX-Real-IP: 6.6.6.6\r\n\r\n")
                    .readHead();
            assertThat(RawHttp.status(head)).isEqualTo(101);

            EchoUpstream.Seen seen = h.upstream.last();
            assertThat(seen.headers().getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
            assertThat(seen.headers().contains("X-Real-IP")).isFalse();
        }
    }

    private static EchoUpstream.Seen getWithClaims(AgentHarness h, String marker) throws Exception {
        String[] headers = new String[CLAIMS.length + 2];
        System.arraycopy(CLAIMS, 0, headers, 0, CLAIMS.length);
        headers[CLAIMS.length] = "Authorization";
        headers[CLAIMS.length + 1] = "Bearer " + ALICE_TOKEN;
        assertThat(h.get("/kubernetes/cluster/api/v1/pods?m=" + marker, headers).statusCode())
                .isEqualTo(200);
        return h.upstream.last();
    }

    private static List<String> auditedSource(AgentHarness h, String marker) {
        return await().until(
                        () -> h.audit.events().stream()
                                .filter(e -> e.requestUri().endsWith("m=" + marker))
                                .findFirst()
                                .map(AuditEvent::sourceIps),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }
}
