package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * Secret {@code loft-agent-authority} in the connected cluster: the kubeconfig the agent uses to
 * send TokenReviews to the management plane. Only present for {@link Authority.ManagementPlane}.
 */
public final class AuthoritySecretManifest {

    private AuthoritySecretManifest() {}

    public static Optional<Secret> build(InstallSpec spec) {
        if (!(spec.authority() instanceof Authority.ManagementPlane plane)) {
            return Optional.empty();
        }
        return Optional.of(new SecretBuilder()
                .withMetadata(ManifestParts.metadata(spec, AgentNames.AUTHORITY_SECRET))
                .withType("Opaque")
                .withStringData(Map.of(AgentNames.AUTHORITY_KEY, plane.kubeconfig()))
                .build());
    }
}
