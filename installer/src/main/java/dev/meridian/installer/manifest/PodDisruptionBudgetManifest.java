package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** Keeps at least one agent pod up through voluntary disruptions (node drains, upgrades). */
public final class PodDisruptionBudgetManifest {

    private PodDisruptionBudgetManifest() {}

    public static PodDisruptionBudget build(InstallSpec spec) {
        // With one replica a minAvailable of 1 would block every drain; allow one pod down instead.
        IntOrString budget = spec.replicas() > 1 ? new IntOrString(1) : null;
        IntOrString maxUnavailable = spec.replicas() > 1 ? null : new IntOrString(1);
        return new PodDisruptionBudgetBuilder()
                .withMetadata(ManifestParts.metadata(spec, AgentNames.AGENT))
                .withNewSpec()
                .withMinAvailable(budget)
                .withMaxUnavailable(maxUnavailable)
                .withNewSelector()
                .withMatchLabels(AgentNames.selector())
                .endSelector()
                .endSpec()
                .build();
    }
}
