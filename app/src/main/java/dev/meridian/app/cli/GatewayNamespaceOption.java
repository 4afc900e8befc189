package dev.meridian.app.cli;

import dev.meridian.installer.manifest.PlaneManifests;
import picocli.CommandLine.Option;

/** {@code --namespace}: where `cluster connect` puts the gateway's ServiceAccount and `disconnect` looks for it. */
final class GatewayNamespaceOption {
    @Option(
            names = "--namespace",
            defaultValue = PlaneManifests.DEFAULT_NAMESPACE,
            paramLabel = "NS",
            description = "Namespace of the gateway's ServiceAccount in the cluster (default: ${DEFAULT-VALUE}).")
    String namespace;

    String value() {
        return namespace;
    }
}
