package dev.meridian.app.cli;

import picocli.CommandLine.Command;

@Command(
        name = "cluster",
        description = "List connected clusters, switch kube contexts to them, connect and disconnect them.")
final class ClusterCommand extends GroupCommand {}
