package dev.meridian.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.NetUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8,        10.255.1.2,       true",
        "10.0.0.0/8,        11.0.0.0,         false",
        "192.168.4.0/22,    192.168.7.255,    true",
        "192.168.4.0/22,    192.168.8.0,      false",
        "192.168.4.0/22,    192.168.3.255,    false",
        "172.16.0.0/12,     172.31.0.1,       true",
        "172.16.0.0/12,     172.32.0.1,       false",
        "128.0.0.0/1,       200.1.1.1,        true",
        "128.0.0.0/1,       127.1.1.1,        false",
        "0.0.0.0/0,         8.8.8.8,          true",
        "0.0.0.0/0,         ::1,              false",
        "10.1.2.3,          10.1.2.3,         true",
        "10.1.2.3,          10.1.2.4,         false",
        "10.0.0.0/8,        ::ffff:10.1.2.3,  true",
        "::ffff:10.0.0.0/104, 10.9.9.9,       true",
        "fd00::/8,          fd12:3456::1,     true",
        "fd00::/8,          fe80::1,          false",
        "2001:db8::/32,     2001:db8:ffff::1, true",
        "2001:db8::/33,     2001:db8:8000::1, false",
        "::1,               ::1,              true",
        "::/0,              10.0.0.1,         false",
        "::1/128,           0:0:0:0:0:0:0:1,  true",
    })
    void containsExactlyTheAddressesOfItsBlock(String cidr, String address, boolean contained) {
        byte[] bytes = Cidr.unmapped(NetUtil.createByteArrayFromIpAddressString(address));
        assertThat(Cidr.parse(cidr).contains(bytes)).isEqualTo(contained);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.0/8,        10.0.0.0/8",
        "' 10.0.0.0/8 ',    10.0.0.0/8",
        "10.1.2.3,          10.1.2.3/32",
        "fd00::/8,          fd00::/8",
        "FD00:0::/8,        fd00::/8",
        "::1,               ::1/128",
        "::ffff:10.0.0.0/104, 10.0.0.0/8",
    })
    void printsInCanonicalForm(String text, String canonical) {
        assertThat(Cidr.parse(text)).hasToString(canonical).isEqualTo(Cidr.parse(canonical));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.0/33      | prefix length from 0 to 32",
                "fd00::/129       | prefix length from 0 to 128",
                "10.0.0.0/        | prefix length",
                "10.0.0.0/-1      | prefix length",
                "10.0.0.0/8x      | prefix length",
                "10.1.0.0/8       | did you mean 10.0.0.0/8?",
                "fd00::1/8        | did you mean fd00::/8?",
                "10.0.0/8         | not an address block",
                "example.com/24   | not an address block",
                "fe80::1%eth0/64  | not an address block",
                "[::1]/128        | not an address block",
                "''               | not an address block",
            })
    void refusesWhatIsNotABlockSayingWhy(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
