package dev.meridian.agent.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HeaderRulesTest {

    @Test
    void hopByHopNamesAreRecognisedInAnyCaseAndNothingElseIs() {
        for (String name : HeaderRules.HOP_BY_HOP) {
            assertThat(HeaderRules.isHopByHop(name)).as(name).isTrue();
            assertThat(HeaderRules.isHopByHop(name.toUpperCase(Locale.ROOT)))
                    .as(name)
                    .isTrue();
        }
        for (String name :
                List.of("content-type", "tee", "upgrades", "x-connection", "Keep-Alive2", "", "authorization")) {
            assertThat(HeaderRules.isHopByHop(name)).as(name).isFalse();
        }
    }

    @Test
    void connectionListsOnlyAddTheNamesThatAreNotHopByHopAlready() {
        assertThat(HeaderRules.connectionTokens(List.of("keep-alive"))).isEmpty();
        assertThat(HeaderRules.connectionTokens(List.of("close", "Upgrade"))).isEmpty();
        assertThat(HeaderRules.connectionTokens(List.of("keep-alive, X-Private ,,close", "x-other")))
                .containsExactlyInAnyOrder("x-private", "x-other");
    }

    @Test
    void headersNamedInConnectionDoNotCrossTheAgentInEitherDirection() {
        HttpHeaders client = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Secret")
                .add("X-Secret", "s")
                .add("Keep-Alive", "timeout=5")
                .add("Accept", "application/json")
                .add("Authorization", "Bearer t")
                .add("impersonate-user", "root");
        HttpHeaders sent = HeaderRules.requestHeadersForUpstream(client);
        assertThat(sent.names()).containsExactly("Accept");

        HttpHeaders answer = new DefaultHttpHeaders()
                .add("Connection", "X-Hop")
                .add("X-Hop", "h")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Type", "a/b");
        HttpHeaders out = new DefaultHttpHeaders();
        HeaderRules.copyResponseHeaders(answer, out);
        assertThat(out.names()).containsExactly("Content-Type");
    }

    @Test
    void aClientsAddressClaimsAreNotCopiedUpstream() {
        HttpHeaders client = new DefaultHttpHeaders()
                .add("X-Forwarded-For", "6.6.6.6")
                .add("forwarded", "for=6.6.6.6")
                .add("X-Real-IP", "6.6.6.6")
                .add("X-Forwarded-Host", "h")
                .add("X-Forwarded-Proto", "https")
                .add("X-Forwarded-Port", "1")
                .add("Accept", "application/json");
        assertThat(HeaderRules.requestHeadersForUpstream(client).names()).containsExactly("Accept");
    }

    @Test
    void removingHopByHopHeadersInPlaceLeavesWhatCopyingWouldKeep() {
        HttpHeaders answer = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Hop")
                .add("connection", "x-other")
                .add("X-Hop", "h")
                .add("x-other", "o")
                .add("Keep-Alive", "timeout=5")
                .add("TRANSFER-ENCODING", "chunked")
                .add("Content-Type", "a/b")
                .add("Audit-Id", "1")
                .add("Trailer", "x")
                .add("Upgrade", "u")
                .add("Cache-Control", "no-cache");
        HttpHeaders copied = new DefaultHttpHeaders();
        HeaderRules.copyResponseHeaders(answer, copied);
        HeaderRules.removeHopByHop(answer);
        assertThat(answer.entries().toString()).isEqualTo(copied.entries().toString());
        assertThat(answer.names()).containsExactly("Content-Type", "Audit-Id", "Cache-Control");

        HttpHeaders plain = new DefaultHttpHeaders().add("Content-Type", "a/b").add("Content-Length", "2");
        HeaderRules.removeHopByHop(plain);
        assertThat(plain.names()).containsExactly("Content-Type", "Content-Length");
    }

    @Test
    void anUpgradeNeedsBothTheHeaderAndTheConnectionToken() {
        assertThat(HeaderRules.isUpgrade(
                        new DefaultHttpHeaders().add("Upgrade", "SPDY/3.1").add("Connection", "keep-alive, Upgrade")))
                .isTrue();
        assertThat(HeaderRules.isUpgrade(new DefaultHttpHeaders().add("Upgrade", "SPDY/3.1")))
                .isFalse();
        assertThat(HeaderRules.isUpgrade(new DefaultHttpHeaders().add("Connection", "upgrade")))
                .isFalse();
        // A plain-HTTP client's offer of HTTP/2 is served as HTTP/1.1, not relayed upstream.
        assertThat(HeaderRules.isUpgrade(
                        new DefaultHttpHeaders().add("Upgrade", "h2c").add("Connection", "Upgrade, HTTP2-Settings")))
                .isFalse();
    }
}
