package dev.meridian.app.cli;

import picocli.CommandLine.Option;

/** {@code --cluster}: the connected cluster of commands whose positional parameter is something else. */
final class ClusterOption {
    @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "The connected cluster.")
    String cluster;

    String name() {
        return cluster;
    }
}
