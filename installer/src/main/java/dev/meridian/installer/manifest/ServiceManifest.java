package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Optional;

/**
 * Service {@code loft-agent} (port 80 to the agent's 8080, the design contract) and, when the
 * agent serves TLS itself, Service {@code loft-agent-external} of type LoadBalancer or NodePort
 * on port 443.
 */
public final class ServiceManifest {

    public static final int SERVICE_PORT = 80;
    public static final int EXTERNAL_PORT = 443;

    private ServiceManifest() {}

    public static Service build(InstallSpec spec) {
        return new ServiceBuilder()
                .withMetadata(ManifestParts.metadata(spec, AgentNames.AGENT))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(AgentNames.selector())
                .addNewPort()
                .withName("http")
                .withProtocol("TCP")
                .withPort(SERVICE_PORT)
                .withTargetPort(new IntOrString(AgentNames.HTTP_PORT))
                .endPort()
                .endSpec()
                .build();
    }

    /** The externally reachable Service, or empty when an Ingress exposes the agent. */
    public static Optional<Service> buildExternal(InstallSpec spec) {
        if (!spec.exposure().isServedByAgentTls()) {
            return Optional.empty();
        }
        String type = spec.exposure() == Exposure.LOADBALANCER ? "LoadBalancer" : "NodePort";
        return Optional.of(new ServiceBuilder()
                .withMetadata(ManifestParts.metadata(spec, AgentNames.EXTERNAL_SERVICE))
                .withNewSpec()
                .withType(type)
                .withExternalTrafficPolicy("Cluster")
                .withSelector(AgentNames.selector())
                .addNewPort()
                .withName("https")
                .withProtocol("TCP")
                .withPort(EXTERNAL_PORT)
                .withTargetPort(new IntOrString(AgentNames.HTTP_PORT))
                .endPort()
                .endSpec()
                .build());
    }
}
