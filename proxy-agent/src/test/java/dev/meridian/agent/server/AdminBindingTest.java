package dev.meridian.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meridian.agent.testing.AgentHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin port has no authentication: it listens on loopback unless told otherwise, whatever the proxy binds. */
class AdminBindingTest {
    static InetAddress external;

    @BeforeAll
    static void findAnAddressOtherThanLoopback() throws SocketException {
        external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst()
                .orElse(null);
    }

    @Test
    void theAdminPortListensOnLoopbackOnlyByDefault() throws Exception {
        assumeTrue(external != null, "this machine has no IPv4 address besides loopback");
        try (AgentHarness h = new AgentHarness(b -> b.bindHost("0.0.0.0"))) {
            assertThat(connects(external, h.agent.port()))
                    .as("the proxy on all addresses")
                    .isTrue();
            assertThat(connects(InetAddress.getLoopbackAddress(), h.agent.adminPort()))
                    .as("admin on loopback")
                    .isTrue();
            assertThatThrownBy(() -> connects(external, h.agent.adminPort()))
                    .as("admin port reached at %s", external)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void anAdminBindAddressOpensItForProbes() throws Exception {
        assumeTrue(external != null, "this machine has no IPv4 address besides loopback");
        try (AgentHarness h = new AgentHarness(b -> b.adminBindHost("0.0.0.0"))) {
            assertThat(connects(external, h.agent.adminPort())).isTrue();
        }
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return s.isConnected();
        }
    }
}
