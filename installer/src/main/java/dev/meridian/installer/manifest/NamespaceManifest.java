package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/** The agent namespace. */
public final class NamespaceManifest {

    private NamespaceManifest() {}

    public static Namespace build(InstallSpec spec) {
        return new NamespaceBuilder()
                .withMetadata(ManifestParts.clusterMetadata(spec, spec.namespace()))
                .build();
    }
}
