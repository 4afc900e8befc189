package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "agent.example.com,   agent.example.com,   true",
        "*.example.com,       agent.example.com,   true",
        "*.example.com,       example.com,         false",
        "*.example.com,       a.b.example.com,     false",
        "*.example.com,       .example.com,        false",
        "a*.example.com,      ab.example.com,      false",
        "*,                   localhost,           false",
        "agent.example.com,   other.example.com,   false",
    })
    void dnsNamesMatchExactlyOrByOneLeftMostWildcardLabel(String pattern, String host, boolean expected) {
        assertThat(HostnameMatcher.dnsMatches(pattern, host)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "Agent.Example.COM., agent.example.com, true",
        "127.0.0.1,          127.0.0.1,         true",
        "::1,                ::1,               true",
        "[::1],              ::1,               true",
        "127.0.0.2,          127.0.0.1,         false",
        "localhost,          127.0.0.1,         false",
        "agent.example.com,  agent.example.com, true",
    })
    void certificateSansAreCheckedByKind(String name, String san, boolean expected) {
        TestPki.Identity cert =
                TestPki.selfSigned("CN ignored: " + name).sans(san).issue();

        assertThat(HostnameMatcher.matches(cert.cert(), name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.1, true",
        "::1, true",
        "fe80::1, true",
        "example.com, false",
        "10.0.0.com, false",
        "localhost, false"
    })
    void ipLiteralsAreRecognised(String host, boolean expected) {
        assertThat(HostnameMatcher.isIpLiteral(host)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void commonNameIsIgnoredLikeKubectl() {
        TestPki.Identity cert = TestPki.selfSigned("agent.example.com").issue();

        assertThat(HostnameMatcher.matches(cert.cert(), "agent.example.com")).isFalse();
    }
}
