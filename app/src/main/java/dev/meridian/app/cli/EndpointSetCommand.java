package dev.meridian.app.cli;

import dev.meridian.app.fleet.EditResult;
import dev.meridian.app.fleet.EndpointChange;
import dev.meridian.app.fleet.EndpointState;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "set",
        description = {
            "Set a cluster's direct endpoint, which turns it on.",
            "HOST is host[:port]; a pasted URL is reduced to its host and port."
        })
final class EndpointSetCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Parameters(index = "1", paramLabel = "HOST", description = "Host and optional port of the endpoint.")
    String host;

    @Option(names = "--insecure", description = "Contexts skip TLS verification of the endpoint.")
    boolean insecure;

    @ArgGroup(exclusive = true)
    Ca ca;

    static final class Ca {
        @Option(names = "--ca-file", paramLabel = "PEM", description = "PEM file of the endpoint's CA.")
        Path file;

        @Option(names = "--ca-data", paramLabel = "BASE64", description = "Base64 of the endpoint's PEM CA.")
        String data;
    }

    @Mixin
    ResourceVersionOption resourceVersion;

    @Override
    public Integer call() {
        MeridianCommand root = root();
        EndpointChange change = EndpointChange.of(
                host,
                insecure,
                ca == null ? null : ca.data,
                readCaFile(),
                root.environment().clock().instant());
        EditResult result;
        try (MeridianCommand.Fleet fleet = openFleet()) {
            result = fleet.service().setEndpoint(cluster, change, resourceVersion.value());
        }
        result.notices()
                .forEach(n -> err().println(
                                n.startsWith(EndpointChange.WARNING)
                                        ? "[warning] " + n.substring(EndpointChange.WARNING.length())
                                        : "[info] " + n));
        EndpointState.On on = (EndpointState.On) result.cluster().endpoint();
        done("Direct endpoint of cluster " + cluster + " set to "
                + on.hostPort().routeUrl() + " (TLS: " + on.tlsMode().label() + ")");
        return ExitCodes.OK;
    }

    private String readCaFile() {
        return ca == null || ca.file == null ? null : CaFiles.readPem(ca.file, "the endpoint's CA");
    }
}
