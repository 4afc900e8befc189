package dev.meridian.app.cli;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.ProbeTargets;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.health.ProbeResult;
import dev.meridian.app.health.ProbeSettings;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.Prober;
import dev.meridian.app.health.Verdict;
import dev.meridian.app.kubeconfig.ManagementAccess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "probe",
        description = {
            "Probe GET /healthz of direct endpoints and of the central route.",
            "Uses the TLS settings the clusters' kube contexts use. Exit code 0 when every probed endpoint is UP, "
                    + "5 otherwise."
        })
final class ProbeCommand extends CliCommand {
    static final String CENTRAL = "(central)";

    @Parameters(paramLabel = "CLUSTER", arity = "0..*", description = "Clusters to probe.")
    List<String> clusters = new ArrayList<>();

    @Option(names = "--all", description = "Probe every connected cluster.")
    boolean all;

    @Mixin
    OutputOption output;

    @Option(
            names = "--timeout",
            defaultValue = "3s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time limit of one probe (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        if (clusters.isEmpty() && !all) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Name clusters to probe, or pass --all.");
        }
        MeridianCommand root = root();
        ManagementAccess access = root.managementAccess();
        List<ClusterInfo> selected;
        try (MeridianCommand.Fleet fleet = root.openFleet()) {
            selected = all
                    ? fleet.service().list()
                    : clusters.stream().map(fleet.service()::get).toList();
            access = CentralGateways.resolve(access, fleet.client());
        }
        ProbeTarget central = ProbeTargets.central(access);
        Map<String, ProbeTarget> targets = new LinkedHashMap<>();
        targets.put(CENTRAL, central);
        selected.forEach(c -> ProbeTargets.direct(c).ifPresent(t -> targets.put(c.name(), t)));
        Map<String, ProbeResult> results;
        try (Prober prober = Prober.create(ProbeSettings.defaults().withTimeout(timeout))) {
            results = prober.probeAll(targets);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        rows.add(row(CENTRAL, "Central", results.get(CENTRAL)));
        for (ClusterInfo c : selected) {
            ProbeResult result = results.get(c.name());
            if (result != null) {
                rows.add(row(c.name(), "Direct", result));
            } else if (c.endpoint() instanceof EndpointState.Invalid invalid) {
                // The annotation is set: the user expects the direct route, so say why it cannot be used.
                rows.add(unusable(c.name(), invalid));
                unusable.add(c.name() + " DOWN");
            } else {
                rows.add(centralOnly(c.name(), results.get(CENTRAL)));
            }
        }
        print(rows);
        List<String> notUp = new ArrayList<>();
        results.forEach((name, result) -> {
            if (!result.isUp()) {
                notUp.add(name + " " + result.verdict().label());
            }
        });
        notUp.addAll(unusable);
        if (!notUp.isEmpty()) {
            throw new MeridianException(
                    MeridianException.Kind.PROBE_NOT_UP, "Not every endpoint is up: " + notUp + ".", null);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(String name, String route, ProbeResult result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cluster", name);
        row.put("route", route);
        row.put("url", result.target().url().toString());
        row.put("verdict", result.verdict().label());
        row.put(
                "totalMillis",
                result.timings().total() == null
                        ? null
                        : result.timings().total().toMillis());
        row.put("http", result.httpVersion());
        row.put("tls", result.tlsInfo().map(t -> t.protocol()).orElse(null));
        row.put(
                "certificateNotAfter",
                result.leaf().map(l -> l.notAfter().toString()).orElse(null));
        row.put(
                "message",
                result.verdict() instanceof Verdict.Up ? "" : result.verdict().message());
        return row;
    }

    /** A direct endpoint whose stored value cannot be used: DOWN, with why and how to fix it; not probed. */
    private static Map<String, Object> unusable(String name, EndpointState.Invalid invalid) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cluster", name);
        row.put("route", "Direct");
        row.put("url", "https://" + invalid.endpointPreview() + "/healthz");
        row.put("verdict", "DOWN");
        row.put("totalMillis", null);
        row.put("http", null);
        row.put("tls", null);
        row.put("certificateNotAfter", null);
        row.put(
                "message",
                "Not probed: the stored direct endpoint is unusable: " + String.join(" ", invalid.problems())
                        + " Fix it with 'meridian endpoint set " + name + " HOST' (or 'meridian endpoint trust "
                        + name + "'), or remove it with 'meridian endpoint clear " + name + "'.");
        return row;
    }

    private static Map<String, Object> centralOnly(String name, ProbeResult central) {
        Map<String, Object> row = row(name, "Central", central);
        row.put("message", "no direct endpoint: uses the central route above");
        return row;
    }

    private void print(List<Map<String, Object>> rows) {
        PrintWriter out = out();
        if (!output.isTable()) {
            out.println(output.render(OutputFormat.list(rows)));
            out.flush();
            return;
        }
        Table table = new Table("CLUSTER", "ROUTE", "VERDICT", "TIME", "TLS", "CERT EXPIRES", "URL", "DETAIL");
        for (Map<String, Object> r : rows) {
            table.row(
                    text(r.get("cluster")),
                    text(r.get("route")),
                    text(r.get("verdict")),
                    r.get("totalMillis") == null ? "-" : r.get("totalMillis") + " ms",
                    text(r.get("tls")),
                    r.get("certificateNotAfter") == null
                            ? "-"
                            : text(r.get("certificateNotAfter")).substring(0, 10),
                    text(r.get("url")),
                    text(r.get("message")));
        }
        out.print(table.render());
        out.flush();
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }
}
