package dev.meridian.app.cli;

import dev.meridian.app.fleet.CaBundle;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.kubeconfig.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How clusters and endpoints look in CLI output. */
final class ClusterView {
    private ClusterView() {}

    static Map<String, Object> toMap(ClusterInfo cluster) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", cluster.name());
        map.put("displayName", cluster.displayName());
        map.put("description", cluster.description());
        map.put("labels", cluster.labels());
        map.put("phase", cluster.phase());
        map.put("reason", cluster.reason());
        map.put("healthy", cluster.isHealthy());
        map.put("route", route(cluster));
        map.put("endpoint", endpointMap(cluster.endpoint()));
        return map;
    }

    static String route(ClusterInfo cluster) {
        return Route.of(cluster.isDirect()).label();
    }

    static Map<String, Object> endpointMap(EndpointState state) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (state instanceof EndpointState.On on) {
            map.put("state", "on");
            map.put("host", on.hostPort().toString());
            map.put("url", on.hostPort().routeUrl());
            map.put("tls", on.tlsMode().label());
            map.put("insecure", on.insecure());
            on.ca().ifPresent(ca -> map.put("caCertificates", certificates(ca)));
            map.put("warnings", on.warnings());
        } else if (state instanceof EndpointState.Invalid invalid) {
            map.put("state", "invalid");
            map.put("host", invalid.endpointPreview());
            map.put("problems", invalid.problems());
        } else {
            map.put("state", "off");
        }
        return map;
    }

    private static List<Map<String, Object>> certificates(CaBundle ca) {
        return ca.certificates().stream()
                .map(c -> {
                    Map<String, Object> cert = new LinkedHashMap<>();
                    cert.put("subject", c.subject());
                    cert.put("issuer", c.issuer());
                    cert.put("notAfter", c.notAfter().toString());
                    cert.put("sha256", c.sha256());
                    return cert;
                })
                .toList();
    }

    static String table(List<ClusterInfo> clusters) {
        return tableOf(clusters).render();
    }

    static Table tableOf(List<ClusterInfo> clusters) {
        Table table = new Table("NAME", "DISPLAY NAME", "PHASE", "ROUTE", "ENDPOINT", "TLS");
        clusters.forEach(c -> table.row(cells(c, phase(c)).toArray(String[]::new)));
        return table;
    }

    /** A cluster's row; {@code phase} stands in the PHASE column (a watch shows 'Deleted' there). */
    static List<String> cells(ClusterInfo c, String phase) {
        return List.of(c.name(), dash(c.displayName()), phase, route(c), endpointHost(c.endpoint()), tls(c.endpoint()));
    }

    static List<String> cells(ClusterInfo c) {
        return cells(c, phase(c));
    }

    private static String phase(ClusterInfo c) {
        return c.reason().isEmpty() ? c.phaseLabel() : c.phaseLabel() + " (" + c.reason() + ")";
    }

    static String endpointHost(EndpointState state) {
        if (state instanceof EndpointState.On on) {
            return on.hostPort().toString();
        }
        if (state instanceof EndpointState.Invalid invalid) {
            return "INVALID: " + invalid.endpointPreview();
        }
        return "-";
    }

    static String tls(EndpointState state) {
        return state instanceof EndpointState.On on ? on.tlsMode().label() : "-";
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }
}
