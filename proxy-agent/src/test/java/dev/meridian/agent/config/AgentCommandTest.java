package dev.meridian.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AgentCommandTest {

    static AgentConfig parse(boolean inCluster, String... args) {
        AgentCommand command = new AgentCommand();
        new CommandLine(command).parseArgs(args);
        return command.toConfig(inCluster);
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        AgentConfig c = parse(true);
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.adminPort()).isEqualTo(8081);
        assertThat(c.bindHost()).isEqualTo("0.0.0.0");
        assertThat(c.adminBindHost())
                .as("the unauthenticated admin port stays on loopback")
                .isEqualTo("127.0.0.1");
        assertThat(c.tls()).isInstanceOf(ServerTls.Plain.class);
        assertThat(c.upstream()).isInstanceOf(ClusterSource.InCluster.class);
        assertThat(c.authority()).isNull();
        assertThat(c.audit()).isInstanceOf(AuditTarget.Stdout.class);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(43200));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(43200));
        assertThat(c.acceptedTtl())
                .as("as long as the API server takes to refuse a revoked token")
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(c.rejectedTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.tokenCacheSize()).isEqualTo(10_000);
        assertThat(c.rejectedTokenCacheSize()).isEqualTo(1_000);
        assertThat(c.reviewRate()).isEqualTo(20);
        assertThat(c.reviewBurst()).isEqualTo(40);
        assertThat(c.routePrefix()).isEqualTo("/kubernetes/cluster");
        assertThat(c.publishCaSecret()).isFalse();
        assertThat(c.trustedProxies())
                .as("no one may impersonate through the agent by default")
                .isEmpty();
    }

    @Test
    void trustedProxiesAreRepeatableOrCommaSeparated() {
        AgentConfig c = parse(true, "--trusted-proxy", "system:serviceaccount:a:gw,front", "--trusted-proxy", "other");
        assertThat(c.trustedProxies()).containsExactlyInAnyOrder("system:serviceaccount:a:gw", "front", "other");
        assertThatThrownBy(() -> parse(true, "--trusted-proxy", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted proxy");
    }

    @Test
    void trustedForwardersAreAddressBlocksRepeatableOrCommaSeparated() {
        assertThat(parse(true).trustedForwarders())
                .as("no one's X-Forwarded-For is believed by default")
                .isEmpty();
        AgentConfig c = parse(true, "--trusted-forwarders", "10.0.0.0/8,fd00::/8", "--trusted-forwarders", "192.0.2.7");
        assertThat(c.trustedForwarders())
                .containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8"), Cidr.parse("192.0.2.7/32"));
        assertThatThrownBy(() -> parse(true, "--trusted-forwarders", "10.0.0.0/40"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trusted-forwarders")
                .hasMessageContaining("prefix length");
    }

    @Test
    void flagsBuildTheConfiguration() {
        AgentConfig c = parse(
                true,
                "--port",
                "9443",
                "--admin-port",
                "-1",
                "--admin-bind-address",
                "0.0.0.0",
                "--self-signed",
                "--tls-dir",
                "/tmp/t",
                "--tls-san",
                "agent.example.com,10.0.0.1",
                "--ca-file",
                "/tmp/ca.pem",
                "--authority-kubeconfig",
                "/k/mgmt",
                "--audit-log",
                "/var/log/audit.log",
                "--idle-timeout",
                "60",
                "--token-cache-ttl",
                "3",
                "--rejected-token-cache-size",
                "50",
                "--review-rate",
                "2.5",
                "--review-burst",
                "7");
        assertThat(c.port()).isEqualTo(9443);
        assertThat(c.adminPort()).isEqualTo(-1);
        assertThat(c.adminBindHost()).isEqualTo("0.0.0.0");
        assertThat(c.tls())
                .isEqualTo(new ServerTls.SelfSigned(
                        Path.of("/tmp/t"), java.util.List.of("agent.example.com", "10.0.0.1")));
        assertThat(c.caFile()).isEqualTo(Path.of("/tmp/ca.pem"));
        assertThat(c.publishCaSecret())
                .as("self-signed in a cluster publishes the CA Secret")
                .isTrue();
        assertThat(c.authority()).isEqualTo(new ClusterSource.Kubeconfig(Path.of("/k/mgmt"), null));
        assertThat(c.audit()).isEqualTo(new AuditTarget.File(Path.of("/var/log/audit.log"), 104857600L, 5));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.acceptedTtl()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.rejectedTokenCacheSize()).isEqualTo(50);
        assertThat(c.reviewRate()).isEqualTo(2.5);
        assertThat(c.reviewBurst()).isEqualTo(7);
    }

    @Test
    void aKubeconfigOutOfClusterDoesNotPublishTheSecret() {
        AgentConfig c = parse(false, "--self-signed", "--kubeconfig", "/k/c");
        assertThat(c.upstream()).isEqualTo(new ClusterSource.Kubeconfig(Path.of("/k/c"), null));
        assertThat(c.publishCaSecret()).isFalse();
    }

    @Test
    void contradictoryTlsFlagsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> parse(false, "--tls-cert", "/c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-key");
        assertThatThrownBy(() -> parse(false, "--tls-cert", "/c", "--tls-key", "/k", "--self-signed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> parse(false, "--port", "70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> parse(false, "--review-rate", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review rate");
    }

    @Test
    void helpDocumentsEveryFlagWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        new CommandLine(new AgentCommand()).usage(new PrintWriter(out));
        String help = out.toString().replaceAll("\\s+", " ");
        for (String flag : new String[] {
            "--port",
            "--admin-port",
            "--admin-bind-address",
            "--tls-cert",
            "--tls-key",
            "--self-signed",
            "--kubeconfig",
            "--authority-kubeconfig",
            "--audit-log",
            "--idle-timeout",
            "--request-timeout",
            "--ca-file",
            "--trusted-proxy",
            "--token-cache-ttl",
            "--rejected-token-cache-size",
            "--review-rate",
            "--review-burst",
            "--trusted-forwarders",
            "--client-head-timeout",
            "--client-idle-timeout",
            "--max-connections",
            "--max-connections-per-client",
            "--max-upstream-per-client"
        }) {
            assertThat(help).contains(flag);
        }
        assertThat(help)
                .contains(
                        "MERIDIAN_PORT",
                        "POD_NAMESPACE",
                        "MERIDIAN_TRUSTED_PROXIES",
                        "MERIDIAN_TOKEN_CACHE_TTL",
                        "MERIDIAN_REVIEW_RATE",
                        "MERIDIAN_REVIEW_BURST",
                        "MERIDIAN_ADMIN_BIND_ADDRESS",
                        "default 127.0.0.1",
                        "MERIDIAN_TRUSTED_FORWARDERS",
                        "MERIDIAN_CLIENT_HEAD_TIMEOUT",
                        "MERIDIAN_MAX_CONNECTIONS",
                        "default 43200",
                        "default 8080",
                        "default 8081");
    }

    @Test
    void clientLimitsHaveSafeDefaultsAndRefuseZeroNamingTheFlag() {
        assertThat(parse(true).clientLimits()).isEqualTo(ClientLimits.DEFAULT);
        AgentConfig c = parse(
                true,
                "--client-head-timeout",
                "5",
                "--client-idle-timeout",
                "60",
                "--max-connections",
                "100",
                "--max-connections-per-client",
                "10",
                "--max-upstream-per-client",
                "4");
        assertThat(c.clientLimits())
                .isEqualTo(new ClientLimits(
                        java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60), 100, 10, 4));
        for (String flag : new String[] {
            "--client-head-timeout",
            "--client-idle-timeout",
            "--max-connections",
            "--max-connections-per-client",
            "--max-upstream-per-client"
        }) {
            assertThatThrownBy(() -> parse(true, flag, "0"))
                    .as(flag)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(flag + " must be at least 1, not 0");
        }
    }
}
