package dev.meridian.app.cli;

import dev.meridian.installer.apply.ClusterConnector;
import dev.meridian.installer.apply.ObjectRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "disconnect",
        description = {
            "Remove a cluster from the management plane.",
            "Deletes its Cluster object and kubeconfig Secret; with --target-context, also the gateway's "
                    + "ServiceAccount and rights in the cluster."
        })
final class ClusterDisconnectCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Cluster object.")
    String name;

    @Option(names = "--target-context", paramLabel = "CTX", description = "Kube context of the cluster itself.")
    String targetContext;

    @Mixin
    GatewayNamespaceOption namespace;

    @Override
    public Integer call() {
        MeridianCommand root = root();
        List<ObjectRef> deleted;
        try (MeridianCommand.Fleet fleet = openFleet();
                KubernetesClient target = targetContext == null ? null : root.openContext(targetContext)) {
            deleted = new ClusterConnector(fleet.client()).disconnect(name, target, namespace.value(), progress());
        }
        done(
                deleted.isEmpty()
                        ? "Nothing to remove: cluster " + name + " is not connected."
                        : "Cluster " + name + " disconnected (" + deleted.size() + " objects removed).");
        return ExitCodes.OK;
    }
}
