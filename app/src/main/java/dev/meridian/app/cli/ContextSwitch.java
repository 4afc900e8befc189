package dev.meridian.app.cli;

import java.io.PrintWriter;

import dev.meridian.app.MeridianException;
import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.KubeconfigService;
import picocli.CommandLine.Model.CommandSpec;

/** The steps every switching command shares: resolve the route, say which it is, write and switch. */
final class ContextSwitch {
    private ContextSwitch() {
    }

    enum Space { NONE, USE, CREATE }

    static void run(CommandSpec command, String clusterName, String space, Space mode, boolean print) {
        MeridianCommand root = MeridianCommand.of(command);
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        KubeconfigService kubeconfig = root.kubeconfig();
        ClusterContexts contexts = new ClusterContexts(root.managementAccess());
        ClusterInfo cluster;
        try (MeridianCommand.Fleet fleet = root.openFleet()) {
            cluster = fleet.service().get(clusterName);
        }
        ContextSpec spec = contexts.specFor(cluster, space);
        ClusterContexts.directEndpoint(cluster)
                .ifPresent(direct -> err.println("[info] Using direct cluster endpoint at " + direct.url()));
        err.flush();
        if (print) {
            out.print(kubeconfig.render(spec));
            out.flush();
            return;
        }
        if (mode == Space.CREATE) {
            ClusterContexts.createSpace(kubeconfig, spec);
            err.println("[info] Created space " + space + " in cluster " + clusterName);
        } else if (mode == Space.USE && !ClusterContexts.spaceExists(kubeconfig, spec)) {
            throw new MeridianException.NotFound("Space '" + space + "' does not exist in cluster '" + clusterName
                    + "'. Create it with 'meridian space create " + space + " --cluster " + clusterName + "'.");
        }
        kubeconfig.writeAndSwitch(spec);
        err.println("[done] √ Successfully updated kube context to use "
                + (space == null ? "cluster " + clusterName : "space " + space + " in cluster " + clusterName));
        err.flush();
    }
}
