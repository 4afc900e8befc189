package dev.meridian.app.cli;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.plane.Plane;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            description = "After the list, print each change as it happens, until interrupted: a row (a deleted "
                    + "cluster's says Deleted), or with -o json|yaml one {type, object} document per change.")
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

    /**
     * kubectl's {@code get -w} shape: the list first (a table, or one document per cluster), then one row
     * or document per change, in the same columns; a deleted cluster's last row says Deleted. The
     * watch's own first report of clusters already listed is not printed again.
     */
    // The watch runs until it is closed: the try body only waits for it to fail or be interrupted.
    @SuppressWarnings("try")
    private void watch(MeridianCommand.Fleet fleet, PrintWriter out) {
        List<ClusterInfo> initial = new java.util.ArrayList<>(fleet.service().list());
        initial.sort(java.util.Comparator.comparing(ClusterInfo::name));
        Map<String, ClusterInfo> shown = new HashMap<>();
        initial.forEach(c -> shown.put(c.name(), c));
        int[] widths;
        if (output.isTable()) {
            Table table = ClusterView.tableOf(initial);
            widths = table.widths();
            out.print(table.render());
        } else {
            widths = null;
            initial.forEach(c -> out.print(document("ADDED", ClusterView.toMap(c))));
        }
        out.flush();
        CountDownLatch failed = new CountDownLatch(1);
        try (AutoCloseable ignored = fleet.service().watch(event -> {
            synchronized (out) {
                String printed = print(event, shown, widths);
                if (printed != null) {
                    out.print(printed);
                    out.flush();
                }
            }
            if (event instanceof FleetEvent.Failed f) {
                err().println("[error] " + f.message());
                err().flush();
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

    /** What a change prints, or null for nothing new (the watch's report of a cluster as it was listed). */
    private String print(FleetEvent event, Map<String, ClusterInfo> shown, int[] widths) {
        if (event instanceof FleetEvent.Added || event instanceof FleetEvent.Modified) {
            ClusterInfo c = event instanceof FleetEvent.Added a ? a.cluster() : ((FleetEvent.Modified) event).cluster();
            ClusterInfo before = shown.put(c.name(), c);
            if (c.equals(before)) {
                return null;
            }
            String type = before == null ? "ADDED" : "MODIFIED";
            return widths != null ? Table.line(ClusterView.cells(c), widths) : document(type, ClusterView.toMap(c));
        }
        if (event instanceof FleetEvent.Removed r) {
            ClusterInfo last = shown.remove(r.name());
            if (widths != null) {
                return last != null
                        ? Table.line(ClusterView.cells(last, "Deleted"), widths)
                        : Table.line(List.of(r.name(), "-", "Deleted", "-", "-", "-"), widths);
            }
            return document("DELETED", last != null ? ClusterView.toMap(last) : Map.of("name", r.name()));
        }
        return null;
    }

    /** One watch event as kubectl's --output-watch-events writes it: its type and the object. */
    private String document(String type, Map<String, Object> object) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("type", type);
        event.put("object", object);
        String text = output.render(event);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
