package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "use",
        mixinStandardHelpOptions = true,
        description = {
            "Write the kube context meridian_CLUSTER and switch to it.",
            "It uses the cluster's direct endpoint when one is set, else the central route."
        })
final class ClusterUseCommand implements Runnable {
    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Option(names = "--print", description = "Write nothing; print the kubeconfig fragment instead.")
    boolean print;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ContextSwitch.run(spec, cluster, null, SpaceMode.NONE, print);
    }
}
