package dev.meridian.app.cli;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.contexts.ContextSwitcher;
import dev.meridian.app.contexts.ContextSwitcher.SpaceMode;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The steps every switching command shares: resolve the route, say which it is, then switch through
 * {@link ContextSwitcher}, which the desktop tray uses too.
 */
final class ContextSwitch {
    private ContextSwitch() {}

    static void run(CommandSpec command, String clusterName, String space, SpaceMode mode, boolean print) {
        MeridianCommand root = MeridianCommand.of(command);
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        KubeconfigService kubeconfig = root.kubeconfig();
        // Read from the kubeconfig first: a credential we cannot carry is reported before any request.
        ManagementAccess access = root.managementAccess();
        ClusterInfo cluster;
        try (MeridianCommand.Fleet fleet = root.openFleet()) {
            cluster = fleet.service().get(clusterName);
            access = CentralGateways.resolve(access, fleet.client());
        }
        ContextSwitcher switcher = new ContextSwitcher(kubeconfig, access);
        ContextSpec spec = switcher.specFor(cluster, space);
        ClusterContexts.directEndpoint(cluster)
                .ifPresent(direct -> err.println("[info] Using direct cluster endpoint at " + direct.url()));
        err.flush();
        if (print) {
            out.print(kubeconfig.render(spec));
            out.flush();
            return;
        }
        switcher.switchTo(spec, mode);
        if (mode == SpaceMode.CREATE) {
            err.println("[info] Created space " + space + " in cluster " + clusterName);
        }
        err.println("[done] √ Successfully updated kube context to use "
                + (space == null ? "cluster " + clusterName : "space " + space + " in cluster " + clusterName));
        err.flush();
    }
}
