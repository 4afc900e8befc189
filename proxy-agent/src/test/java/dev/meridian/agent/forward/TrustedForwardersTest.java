package dev.meridian.agent.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.config.Cidr;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedForwardersTest {
    static final TrustedForwarders FRONT =
            new TrustedForwarders(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "10.42.0.7,              true",
        "::ffff:10.42.0.7,       true",
        "fd00::7,                true",
        "11.0.0.1,               false",
        "fe80::1,                false",
        "'',                     false",
        "not-an-address,         false",
    })
    void trustsPeersInsideTheBlocksOnly(String peer, boolean trusted) {
        assertThat(FRONT.trusts(peer)).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10.42.0.7", "127.0.0.1", "::1"})
    void noBlocksTrustNoOne(String peer) {
        assertThat(TrustedForwarders.none().trusts(peer)).isFalse();
    }
}
