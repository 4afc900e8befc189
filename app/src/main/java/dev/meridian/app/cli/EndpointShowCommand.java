package dev.meridian.app.cli;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show a cluster's direct endpoint: host, URL, TLS mode and CA certificates.")
final class EndpointShowCommand extends CliCommand {

    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (MeridianCommand.Fleet fleet = openFleet()) {
            ClusterInfo info = fleet.service().get(cluster);
            if (!output.isTable()) {
                out.println(output.render(Map.of(
                        "cluster",
                        info.name(),
                        "route",
                        ClusterView.route(info),
                        "endpoint",
                        ClusterView.endpointMap(info.endpoint()))));
                return ExitCodes.OK;
            }
            out.println("Cluster:   " + info.name()
                    + (info.displayName().isEmpty() ? "" : " (" + info.displayName() + ")"));
            out.println("Route:     " + ClusterView.route(info));
            EndpointState state = info.endpoint();
            if (state instanceof EndpointState.On on) {
                out.println("Endpoint:  " + on.hostPort());
                out.println("URL:       " + on.hostPort().routeUrl());
                out.println("TLS:       " + on.tlsMode().label());
                on.ca().ifPresent(ca -> ca.certificates().forEach(c -> out.println("CA:        " + c.describe())));
                on.warnings().forEach(w -> out.println("Warning:   " + w));
            } else if (state instanceof EndpointState.Invalid invalid) {
                out.println("Endpoint:  INVALID (" + invalid.endpointPreview() + ")");
                invalid.problems().forEach(p -> out.println("Problem:   " + p));
                out.println("Fix it with 'meridian endpoint set " + info.name() + " HOST' or remove it with "
                        + "'meridian endpoint clear " + info.name() + "'.");
            } else {
                out.println("Endpoint:  none; kube contexts use the central gateway. Set one with "
                        + "'meridian endpoint set " + info.name() + " HOST'.");
            }
        }
        return ExitCodes.OK;
    }
}
