package dev.meridian.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpExitsZero() {
        assertThat(Main.run(new String[] {"--help"})).isZero();
    }

    @Test
    void badUsageExitsOne() {
        assertThat(Main.run(new String[] {"--no-such-flag"})).isEqualTo(1);
        assertThat(Main.run(new String[] {"--tls-cert", "/x"})).isEqualTo(1);
    }

    @Test
    void anAgentThatCannotStartExitsTwo() {
        assertThat(Main.run(new String[] {"--port", "0", "--admin-port", "-1", "--kubeconfig", "/no/such/kubeconfig"}))
                .isEqualTo(2);
    }
}
