package dev.meridian.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.app.core.MeridianException.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "agent.example.com         | agent.example.com",
                "Agent.Example.COM:8443    | agent.example.com:8443",
                "10.0.0.7:443              | 10.0.0.7:443",
                "[::1]:9443                | [::1]:9443",
                "[2001:DB8::1]             | [2001:db8::1]",
                "eu-west.agents.corp.      | eu-west.agents.corp",
                "localhost                 | localhost",
            })
    void acceptsHostsAndPorts(String input, String stored) {
        assertThat(HostPort.parse(input)).hasToString(stored);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "agent.example.com/kubernetes | path",
                "https://agent.example.com    | scheme",
                "agent example.com            | white space",
                "' agent.example.com'         | white space",
                "agent.example.com:0          | port",
                "agent.example.com:70000      | port",
                "agent.example.com:https      | port",
                "-agent.example.com           | label",
                "agent_1.example.com          | label",
                "::1                          | IPv6",
                "[::1                         | '['",
                "999.1.1.1                    | neither",
                "''                           | empty",
                "user@agent.example.com       | user",
            })
    void refusesWhatIsNotHostAndPort(String input, String reason) {
        assertThatThrownBy(() -> HostPort.parse(input))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "pasted {0} becomes {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://agent.example.com/kubernetes/cluster | agent.example.com",
                "https://agent.example.com:8443/              | agent.example.com:8443",
                "HTTPS://Agent.Example.com?x=1                | agent.example.com",
                "http://agent.example.com                     | agent.example.com",
            })
    void normalisesPastedUrlsAndSaysSo(String input, String stored) {
        HostPort.Parsed parsed = HostPort.parseUserInput(input);
        assertThat(parsed.hostPort()).hasToString(stored);
        assertThat(parsed.notice()).get().asString().contains("Normalised").contains(stored);
    }

    @ParameterizedTest(name = "pasted {0} is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://agent.example.com      | scheme",
                "https://me:pw@agent.example  | user information",
                "https://bad host/            | white space",
            })
    void refusesUrlsThatCannotBeAnEndpoint(String input, String reason) {
        assertThatThrownBy(() -> HostPort.parseUserInput(input))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void plainHostHasNoNotice() {
        assertThat(HostPort.parseUserInput("agent.example.com").notice()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void routeUrlIsTheKubernetesClusterPrefix() {
        assertThat(HostPort.parse("agent.example.com:8443").routeUrl())
                .isEqualTo("https://agent.example.com:8443/kubernetes/cluster");
    }
}
