package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * Lets the agent publish its self-signed CA in Secret {@code loft-agent-ca} of its own
 * namespace. Reads and updates are limited to that one name; {@code create} cannot be limited
 * by name (the name is not known when the request is authorized), so it is granted on Secrets
 * of this namespace only, which holds nothing but the agent's objects.
 */
public final class RoleManifest {

  private RoleManifest() {}

  public static Role build(InstallSpec spec) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName(AgentNames.CA_ROLE)
        .withNamespace(spec.namespace())
        .withLabels(AgentNames.labels())
        .withAnnotations(AgentNames.annotations(spec))
        .endMetadata()
        .withRules(
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("secrets")
                .withResourceNames(AgentNames.CA_SECRET)
                .withVerbs("get", "update", "patch")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("secrets")
                .withVerbs("create")
                .build())
        .build();
  }
}
