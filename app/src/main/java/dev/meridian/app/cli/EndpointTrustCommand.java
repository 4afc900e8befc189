package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointChange;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.health.CaFetch;
import dev.meridian.app.health.CertificateInfo;
import dev.meridian.app.health.PresentedCa;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.Prober;
import dev.meridian.app.health.TlsMode;
import java.io.Console;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "trust",
        description = {
            "Trust the CA a direct endpoint presents (trust on first use).",
            "Shows the CA the endpoint presents and, once confirmed, stores it as the cluster's CA data (and turns "
                    + "insecure off), so kube contexts verify the endpoint."
        })
final class EndpointTrustCommand extends CliCommand {
    @Parameters(paramLabel = "CLUSTER", description = "Name of the connected cluster.")
    String cluster;

    @Option(names = "--yes", description = "Trust without asking (for scripts): compare the fingerprint first.")
    boolean yes;

    @Override
    public Integer call() {
        MeridianCommand root = root();
        PrintWriter out = out();
        try (MeridianCommand.Fleet fleet = openFleet()) {
            ClusterInfo info = fleet.service().get(cluster);
            if (!(info.endpoint() instanceof EndpointState.On on)) {
                throw new MeridianException.InvalidInput("Cluster '" + cluster + "' has no usable direct endpoint to "
                        + "trust. Set one first with 'meridian endpoint set " + cluster + " HOST'.");
            }
            PresentedCa presented = fetch(ProbeTarget.forEndpoint(on.hostPort().toString(), TlsMode.systemTrust()));
            CertificateInfo ca = presented.ca();
            out.println("Endpoint:     https://" + on.hostPort());
            out.println("Presented CA: " + ca.subject() + (ca.selfSigned() ? " (self-signed)" : ""));
            out.println("Issuer:       " + ca.issuer());
            out.println("Not after:    " + ca.notAfter());
            out.println("SHA-256:      " + presented.sha256Fingerprint());
            presented
                    .remainingProblem()
                    .ifPresent(problem -> out.println("Warning:      even with this CA, " + problem.message()));
            out.flush();
            if (!yes && !confirmed()) {
                throw new MeridianException.InvalidInput("Not trusted: nothing was written. Compare the fingerprint "
                        + "with the endpoint's certificate and run again with --yes to trust it.");
            }
            EndpointChange change = EndpointChange.of(
                    on.hostPort().toString(),
                    false,
                    presented.caDataBase64(),
                    null,
                    root.environment().clock().instant());
            fleet.service().setEndpoint(cluster, change, info.resourceVersion());
            done("Cluster " + cluster + " now trusts " + ca.subject() + " (SHA-256 " + presented.sha256Fingerprint()
                    + "); run 'meridian cluster use " + cluster + "' to refresh its kube context.");
        }
        return ExitCodes.OK;
    }

    private static PresentedCa fetch(ProbeTarget target) {
        try (Prober prober = Prober.create()) {
            CaFetch fetch = prober.fetchPresentedCa(target);
            if (fetch instanceof CaFetch.Presented presented) {
                return presented.ca();
            }
            throw new MeridianException.ManagementPlane(
                    "Could not fetch the endpoint's certificate: "
                            + ((CaFetch.Failed) fetch).cause().message(),
                    null);
        }
    }

    private boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("Trust this CA for cluster %s? [y/N] ", cluster);
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
