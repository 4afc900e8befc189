package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * Lets the agent publish its self-signed CA in Secret {@code loft-agent-ca} of its own
 * namespace. Reads and updates are limited to that one name; {@code create} cannot be limited
 * by name (the name is not known when the request is authorized), so it is granted on Secrets
 * of this namespace only, which holds nothing but the agent's objects. The central gateway also
 * reads the kubeconfig Secrets of the clusters it routes to, which {@code meridian cluster
 * connect} keeps in its namespace; it cannot read Secrets anywhere else.
 */
public final class RoleManifest {

    private RoleManifest() {}

    public static Role build(InstallSpec spec) {
        Role role = new RoleBuilder()
                .withMetadata(ManifestParts.metadata(spec, AgentNames.CA_ROLE))
                .withRules(
                        ManifestParts.namedRule("", "secrets", AgentNames.CA_SECRET, "get", "update", "patch"),
                        ManifestParts.rule("", List.of("secrets"), "create"))
                .build();
        if (spec.isGateway()) {
            role.getRules().add(ManifestParts.rule("", List.of("secrets"), "get"));
        }
        return role;
    }
}
