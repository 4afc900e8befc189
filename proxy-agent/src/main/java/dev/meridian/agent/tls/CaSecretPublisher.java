package dev.meridian.agent.tls;

import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.core.AgentException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Publishes the self-signed CA as Secret {@code loft-agent-ca} (key {@code ca.crt}) in the
 * agent's namespace, where the installer reads it to fill the cluster's ca-data annotation.
 */
public final class CaSecretPublisher {
    private final KubernetesClient client;

    public CaSecretPublisher(KubernetesClient client) {
        this.client = client;
    }

    public void publish(String namespace, String caPem) {
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(AgentConfig.CA_SECRET_NAME)
                .withNamespace(namespace)
                .addToLabels("app.kubernetes.io/name", "loft-agent")
                .addToLabels("app.kubernetes.io/managed-by", "meridian-agent")
                .endMetadata()
                .withType("Opaque")
                .addToData(
                        AgentConfig.CA_SECRET_KEY,
                        Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            client.secrets().inNamespace(namespace).resource(secret).createOr(NonDeletingOperation::update);
        } catch (KubernetesClientException e) {
            throw new AgentException(
                    "cannot publish the agent CA to Secret " + namespace + "/" + AgentConfig.CA_SECRET_NAME + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
