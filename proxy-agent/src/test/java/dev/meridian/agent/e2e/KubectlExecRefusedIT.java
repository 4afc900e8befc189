package dev.meridian.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.forward.RefusedUpgradeTestSupport;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import dev.meridian.agent.testing.FakeAuthority;
import dev.meridian.agent.testing.Kubectl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl runs {@code exec} through the agent (over TLS, so it sends its token) for a
 * user the API server does not let exec: it prints the API server's Forbidden at once instead of
 * hanging until its timeout.
 */
class KubectlExecRefusedIT {
    @TempDir
    static Path dir;

    static EchoUpstream upstream;
    static FakeAuthority authority;
    static RunningAgent agent;
    static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        upstream = RefusedUpgradeTestSupport.podServer(new EchoUpstream());
        authority = new FakeAuthority().allow(AgentHarness.ALICE_TOKEN, AgentHarness.ALICE);
        agent = AgentServer.start(
                AgentConfig.builder()
                        .bindHost("127.0.0.1")
                        .port(0)
                        .adminPort(0)
                        .tls(new ServerTls.SelfSigned(dir.resolve("tls"), List.of()))
                        .upstream(ClusterSource.of(upstream.config()))
                        .authority(ClusterSource.of(authority.config()))
                        .shutdownGrace(Duration.ofSeconds(2))
                        .build(),
                InProcess.NONE.withAuditSink(e -> {}));
        kubectl = new Kubectl(
                dir,
                "https://127.0.0.1:" + agent.port() + "/kubernetes/cluster",
                agent.caCertificatePem().orElseThrow(),
                AgentHarness.ALICE_TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        authority.close();
        upstream.close();
    }

    @Test
    void kubectlExecWithoutPodsExecPrintsForbiddenAtOnce() throws Exception {
        long start = System.nanoTime();
        Kubectl.Result r = kubectl.run("exec", "p", "-n", "default", "--request-timeout=20s", "--", "ls");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.exitCode())
                .as("kubectl's exit code; stderr: %s", r.stderr())
                .isNotZero();
        assertThat(r.stderr()).contains("forbidden").contains("pods/exec");
        assertThat(took).as("kubectl exec's whole run").isLessThan(Duration.ofSeconds(8));
        assertThat(upstream.seen()).anySatisfy(s -> assertThat(s.uri()).contains("/exec"));
    }
}
