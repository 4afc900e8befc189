package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The agent's identity: ServiceAccount {@code loft-agent}, whose token the agent forwards with. */
public final class ServiceAccountManifest {

    private ServiceAccountManifest() {}

    public static ServiceAccount build(InstallSpec spec) {
        return new ServiceAccountBuilder()
                .withMetadata(ManifestParts.metadata(spec, AgentNames.AGENT))
                .build();
    }
}
