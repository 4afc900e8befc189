package dev.meridian.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.config.ServerTls;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.InProcess;
import dev.meridian.agent.server.RunningAgent;
import dev.meridian.agent.testing.MockApiServer;
import dev.meridian.agent.testing.RecordingAuditSink;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaSecretPublisherTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedAgentPublishesItsCaToTheLoftAgentCaSecret() throws Exception {
        try (MockApiServer mock = new MockApiServer();
                RunningAgent agent = AgentServer.start(
                        AgentConfig.builder()
                                .bindHost("127.0.0.1")
                                .port(0)
                                .adminPort(-1)
                                .tls(new ServerTls.SelfSigned(dir, List.of()))
                                .upstream(ClusterSource.of(mock.config("agent-sa-token")))
                                .namespace("agents")
                                .publishCaSecret(true)
                                .shutdownGrace(Duration.ofSeconds(1))
                                .build(),
                        InProcess.NONE.withAuditSink(new RecordingAuditSink()));
                KubernetesClient direct = mock.client()) {
            Secret secret = direct.secrets()
                    .inNamespace("agents")
                    .withName("loft-agent-ca")
                    .get();
            assertThat(secret).isNotNull();
            String ca = new String(Base64.getDecoder().decode(secret.getData().get("ca.crt")), StandardCharsets.UTF_8);
            assertThat(ca).isEqualTo(agent.caCertificatePem().orElseThrow());
            // a second publication (restart) updates in place
            new CaSecretPublisher(direct).publish("agents", ca);
            assertThat(direct.secrets().inNamespace("agents").list().getItems()).hasSize(1);
        }
    }
}
