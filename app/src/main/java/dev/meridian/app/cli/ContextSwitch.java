package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching;
import dev.meridian.app.contexts.Switching.SpaceMode;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.plane.Plane;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every switching command shares: find the cluster, then switch through {@link Switching},
 * which the window and the tray use too, saying which route the context takes.
 */
final class ContextSwitch {
    private ContextSwitch() {}

    static void run(CommandSpec command, String clusterName, String space, SpaceMode mode, boolean print) {
        MeridianCommand root = MeridianCommand.of(command);
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        KubeconfigService kubeconfig = root.kubeconfig();
        // Read from the kubeconfig first: a credential we cannot carry is reported before any request.
        String planeContext = root.managementAccess().contextName();
        try (Plane plane = root.openPlane()) {
            ClusterInfo cluster = plane.cluster(clusterName);
            // The plane's gateway record is read through the connection this command already holds.
            Switching switching = new Switching(kubeconfig, plane.gateways());
            Switching.Choice choice = switching.choose(planeContext, cluster, space);
            choice.directUrl().ifPresent(url -> err.println("[info] Using direct cluster endpoint at " + url));
            err.flush();
            if (print) {
                out.print(kubeconfig.render(choice.spec()));
                out.flush();
                return;
            }
            Switching.Switched switched = switching.apply(choice, mode);
            if (switched.spaceCreated()) {
                err.println("[info] Created space " + space + " in cluster " + clusterName);
            }
        }
        err.println("[done] √ Successfully updated kube context to use "
                + (space == null ? "cluster " + clusterName : "space " + space + " in cluster " + clusterName));
        err.flush();
    }
}
