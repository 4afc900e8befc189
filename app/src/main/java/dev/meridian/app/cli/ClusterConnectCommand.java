package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.CaBundle;
import dev.meridian.installer.apply.ClusterConnector;
import dev.meridian.installer.apply.ClusterConnector.ConnectResult;
import dev.meridian.installer.apply.ClusterConnector.ConnectSpec;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.ServerSideApplier;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "connect",
        description = {
            "Register a cluster with the management plane.",
            "Gives the central gateway an impersonate-only ServiceAccount in the cluster (--target-context), stores "
                    + "a kubeconfig with its token in the plane (--context) and creates the Cluster object. "
                    + "Idempotent; an existing Cluster keeps its annotations."
        })
final class ClusterConnectCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Cluster object (a DNS label).")
    String name;

    @Option(
            names = "--target-context",
            required = true,
            paramLabel = "CTX",
            description = "Kube context of the cluster itself (it must allow creating RBAC).")
    String targetContext;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "API server URL as the management plane reaches it (default: the target context's); or the "
                    + "cluster's direct endpoint, https://HOST/kubernetes/cluster, when the plane can reach only that "
                    + "(the agent lets the gateway's identity impersonate as far as the cluster's RBAC allows).")
    String server;

    @Option(
            names = "--server-ca-file",
            paramLabel = "PEM",
            description =
                    "CA that verifies --server when it is not the cluster's API server (such as the endpoint's CA).")
    java.nio.file.Path serverCaFile;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "Name shown in listings.")
    String displayName;

    @Mixin
    GatewayNamespaceOption namespace;

    @Option(
            names = "--timeout",
            defaultValue = "2m",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Limit of the wait for the ServiceAccount's token (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        MeridianCommand root = root();
        ConnectSpec connect;
        try {
            connect = new ConnectSpec(
                    name, displayName, server, namespace.value(), serverCaFile == null ? null : serverCaData(root));
        } catch (IllegalArgumentException e) {
            throw new MeridianException.InvalidInput(e.getMessage() + ".", e);
        }
        ConnectResult result;
        try (KubernetesClient target = root.openContext(targetContext);
                MeridianCommand.Fleet fleet = openFleet()) {
            result = new ClusterConnector(fleet.client())
                    .connect(
                            target,
                            new ServerSideApplier(target),
                            connect,
                            InstallOptions.defaults().withTimeout(timeout),
                            progress());
        }
        if (isLoopback(result.server())) {
            err().println("[warn] The plane will reach cluster " + name + " at " + result.server() + ", a loopback "
                    + "address: that works only for a gateway on this machine. Pass --server with an address the "
                    + "management plane can reach.");
        }
        done("Cluster " + name + " connected (" + result.cluster().name().toLowerCase(java.util.Locale.ROOT)
                + "); the gateway reaches it at " + result.server() + ". Run 'meridian cluster use " + name + "'.");
        return ExitCodes.OK;
    }

    /** The --server-ca-file as base64 PEM, refused as `endpoint set --ca-file` refuses a CA: no certificate, or one not current. */
    private String serverCaData(MeridianCommand root) {
        CaBundle bundle = CaBundle.fromPemText(CaFiles.readPem(serverCaFile, "the CA that verifies --server"));
        try {
            return bundle.requireUsableAt(root.environment().clock().instant()).base64();
        } catch (MeridianException.InvalidInput e) {
            throw new MeridianException.InvalidInput("--server-ca-file " + serverCaFile + ": " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String url) {
        String host = URI.create(url).getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
