package dev.meridian.app.ui.fleet;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.kubeconfig.Route;

/** The text each table column shows for a cluster. */
final class ClusterColumns {
    /** The text columns, each with how it reads a cluster. */
    enum Column {
        NAME(ClusterInfo::name),
        DISPLAY_NAME(ClusterInfo::displayName),
        ROUTE(ClusterColumns::route),
        ENDPOINT(ClusterColumns::endpointHost),
        TLS(ClusterColumns::tls),
        STATUS(ClusterColumns::status);

        private final java.util.function.Function<ClusterInfo, String> reader;

        Column(java.util.function.Function<ClusterInfo, String> reader) {
            this.reader = reader;
        }

        String read(ClusterInfo cluster) {
            return reader.apply(cluster);
        }
    }

    private ClusterColumns() {}

    static String route(ClusterInfo c) {
        return Route.of(c.isDirect()).label();
    }

    static String endpointHost(ClusterInfo c) {
        if (c.endpoint() instanceof EndpointState.On on) {
            return on.hostPort().toString();
        }
        if (c.endpoint() instanceof EndpointState.Invalid invalid) {
            return "Invalid: " + invalid.endpointPreview();
        }
        return "";
    }

    /** The TLS mode as the table shows it (the CLI's names); Invalid for a bad stored endpoint. */
    static String tls(ClusterInfo c) {
        if (c.endpoint() instanceof EndpointState.On on) {
            return on.tlsMode().label();
        }
        return c.endpoint() instanceof EndpointState.Invalid ? "Invalid" : "";
    }

    /** The TLS mode spelled out, for the detail pane. */
    static String tlsInFull(EndpointState.On on) {
        return switch (on.tlsMode()) {
            case CA -> "Custom CA";
            case INSECURE -> "Insecure";
            case SYSTEM_TRUST -> "System trust";
        };
    }

    static String status(ClusterInfo c) {
        return c.reason().isEmpty() ? c.phaseLabel() : c.phaseLabel() + " (" + c.reason() + ")";
    }
}
