package dev.meridian.app.cli;

import picocli.CommandLine.Option;

/** {@code --resource-version}: the explicit optimistic-concurrency check of the endpoint edits. */
final class ResourceVersionOption {
    @Option(
            names = "--resource-version",
            paramLabel = "VERSION",
            description = "Only write if the cluster is still at this resourceVersion.")
    String resourceVersion;

    /** The version to check against; null for no explicit check. */
    String value() {
        return resourceVersion;
    }
}
