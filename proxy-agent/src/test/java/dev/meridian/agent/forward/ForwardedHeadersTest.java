package dev.meridian.agent.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedHeadersTest {

    @Test
    void forwardingNamesAreRecognisedInAnyCaseAndNothingElseIs() {
        for (String name : List.of(
                "X-Forwarded-For",
                "Forwarded",
                "X-Real-IP",
                "X-Forwarded-Host",
                "X-Forwarded-Proto",
                "X-Forwarded-Port")) {
            assertThat(ForwardedHeaders.isForwarding(name)).as(name).isTrue();
            assertThat(ForwardedHeaders.isForwarding(name.toLowerCase(Locale.ROOT)))
                    .as(name)
                    .isTrue();
        }
        for (String name : List.of("X-Forwarded-Fox", "Forwardedx", "X-Real-IP2", "accept", "", "x-forwarded-prefix")) {
            assertThat(ForwardedHeaders.isForwarding(name)).as(name).isFalse();
        }
    }

    /** Client headers as "Name: value" pairs separated by '~'; the headers sent as "Name: value" pairs likewise. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a client's chain is replaced        | false | X-Forwarded-For: 6.6.6.6                        | X-Forwarded-For: 10.0.0.9",
                "a client without one gets one       | false | ''                                              | X-Forwarded-For: 10.0.0.9",
                "a client's proto and host are not kept | false | X-Forwarded-Proto: https~X-Forwarded-Host: evil | X-Forwarded-For: 10.0.0.9",
                "a forwarder's chain is extended     | true  | X-Forwarded-For: 6.6.6.6, 192.168.1.1           | X-Forwarded-For: 6.6.6.6, 192.168.1.1, 10.0.0.9",
                "a forwarder's headers are one chain | true  | X-Forwarded-For: 6.6.6.6~X-Forwarded-For: 7.7.7.7 | X-Forwarded-For: 6.6.6.6, 7.7.7.7, 10.0.0.9",
                "a forwarder without a chain         | true  | ''                                              | X-Forwarded-For: 10.0.0.9",
                "a forwarder's blank chain           | true  | 'X-Forwarded-For:  '                            | X-Forwarded-For: 10.0.0.9",
                "a forwarder's proto, host, port kept | true | X-Forwarded-Proto: https~X-Forwarded-Host: a.example~X-Forwarded-Port: 443~Forwarded: for=1.1.1.1 | X-Forwarded-For: 10.0.0.9~X-Forwarded-Host: a.example~X-Forwarded-Proto: https~X-Forwarded-Port: 443",
            })
    void statesWhereTheRequestCameFrom(String name, boolean fromForwarder, String client, String sent) {
        List<String> added = new ArrayList<>();
        ForwardedHeaders.add((n, v) -> added.add(n + ": " + v), headers(client), "10.0.0.9", fromForwarder);
        assertThat(added).as(name).containsExactlyElementsOf(Arrays.asList(sent.split("~")));
    }

    @Test
    void anUnknownPeerIsStatedByNoHeader() {
        List<String> added = new ArrayList<>();
        ForwardedHeaders.add((n, v) -> added.add(n + ": " + v), headers("X-Forwarded-For: 6.6.6.6"), "", false);
        assertThat(added).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "anyone else: the peer alone          | false | X-Forwarded-For: 6.6.6.6           | 10.0.0.9",
                "a forwarder: its chain, client first | true  | X-Forwarded-For: 6.6.6.6, 7.7.7.7  | 6.6.6.6~7.7.7.7~10.0.0.9",
                "a forwarder: no chain                | true  | ''                                 | 10.0.0.9",
                "a forwarder: invalid entries skipped | true  | X-Forwarded-For: unknown, 6.6.6.6:80, [::1], 2001:db8::1 ,, | 2001:db8::1~10.0.0.9",
                "a forwarder: the peer not repeated   | true  | X-Forwarded-For: 6.6.6.6, 10.0.0.9 | 6.6.6.6~10.0.0.9",
                "a forwarder: several headers         | true  | X-Forwarded-For: 6.6.6.6~X-Forwarded-For: 7.7.7.7 | 6.6.6.6~7.7.7.7~10.0.0.9",
            })
    void sourceIpsListTheChainOnlyFromAForwarder(String name, boolean fromForwarder, String client, String ips) {
        assertThat(ForwardedHeaders.sourceIps(headers(client), "10.0.0.9", fromForwarder))
                .as(name)
                .containsExactlyElementsOf(Arrays.asList(ips.split("~")));
    }

    private static HttpHeaders headers(String pairs) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (String pair : pairs.isEmpty() ? new String[0] : pairs.split("~")) {
            int colon = pair.indexOf(':');
            headers.add(
                    pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return headers;
    }

    /** Behind forwarders in 10.0.0.0/8, whom per-client limits count a request against; the peer is 10.0.0.9. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no chain: the peer                          | ''                          | 10.0.0.9",
                "the address the forwarder appended          | 6.6.6.6, 1.2.3.4            | 1.2.3.4",
                "forwarders in the chain are skipped         | 6.6.6.6, 1.2.3.4, 10.0.0.7  | 1.2.3.4",
                "the client's own entries prove nothing      | 1.1.1.1, 2.2.2.2, 5.5.5.5   | 5.5.5.5",
                "chains in several headers read from the end | 6.6.6.6~10.1.1.1            | 6.6.6.6",
                "garbage on the right: the peer              | 1.2.3.4, not-an-ip          | 10.0.0.9",
                "only forwarders: the peer                   | 10.0.0.5                    | 10.0.0.9",
            })
    void perClientLimitsCountTheNearestUntrustedAddress(String name, String chain, String expected) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (String value : chain.split("~")) {
            if (!value.isBlank()) {
                headers.add("X-Forwarded-For", value);
            }
        }
        TrustedForwarders forwarders =
                new TrustedForwarders(List.of(dev.meridian.agent.config.Cidr.parse("10.0.0.0/8")));
        assertThat(ForwardedHeaders.clientKey(headers, "10.0.0.9", forwarders))
                .as(name)
                .isEqualTo(expected);
    }
}
