package dev.meridian.app.cli;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.plane.Plane;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        aliases = "ls",
        description = "List the connected clusters of the management plane, with their route and endpoint.")
final class ClusterListCommand extends CliCommand {

    @Mixin
    OutputOption output;

    @Option(
            names = {"-w", "--watch"},
            description = "After listing, print each change (ADDED, MODIFIED, DELETED) until interrupted.")
    boolean watch;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (watch) {
            try (MeridianCommand.Fleet fleet = openFleet()) {
                watch(fleet, out);
            }
            return ExitCodes.OK;
        }
        try (Plane plane = root().openPlane()) {
            List<ClusterInfo> clusters = plane.clusters();
            if (output.isTable()) {
                if (clusters.isEmpty()) {
                    err().println("No connected clusters in the management plane.");
                } else {
                    out.print(ClusterView.table(clusters));
                }
            } else {
                out.println(output.render(OutputFormat.list(
                        clusters.stream().map(ClusterView::toMap).toList())));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    // The watch runs until it is closed: the try body only waits for it to fail or be interrupted.
    @SuppressWarnings("try")
    private void watch(MeridianCommand.Fleet fleet, PrintWriter out) {
        CountDownLatch failed = new CountDownLatch(1);
        try (AutoCloseable ignored = fleet.service().watch(event -> {
            synchronized (out) {
                out.println(line(event));
                out.flush();
            }
            if (event instanceof FleetEvent.Failed) {
                failed.countDown();
            }
        })) {
            failed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("closing the watch failed", e);
        }
    }

    private static String line(FleetEvent event) {
        if (event instanceof FleetEvent.Added a) {
            return "ADDED      " + summary(a.cluster());
        }
        if (event instanceof FleetEvent.Modified m) {
            return "MODIFIED   " + summary(m.cluster());
        }
        if (event instanceof FleetEvent.Removed r) {
            return "DELETED    " + r.name();
        }
        return "ERROR      " + ((FleetEvent.Failed) event).message();
    }

    private static String summary(ClusterInfo c) {
        return c.name() + "  " + ClusterView.route(c) + "  " + ClusterView.endpointHost(c.endpoint());
    }
}
