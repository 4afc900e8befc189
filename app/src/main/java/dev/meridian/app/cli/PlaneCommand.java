package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.installer.apply.Change;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.InstallResult;
import dev.meridian.installer.apply.PlaneInstaller;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.PlaneManifests;
import dev.meridian.installer.manifest.YamlRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plane", description = "Make any Kubernetes cluster a management plane Meridian can use.")
final class PlaneCommand extends GroupCommand {

    @Command(
            name = "install",
            description = {
                "Make the management context's cluster a management plane.",
                "Installs the clusters.management.loft.sh/v1 CRD, so the plane can list connected clusters; with "
                        + "--gateway, also deploys the central gateway (the agent in gateway mode, exposed like an "
                        + "agent) and records its URL in the plane, so contexts of clusters without a direct endpoint "
                        + "reach them through it. Idempotent."
            })
    static final class Install extends CliCommand {
        @Option(names = "--gateway", description = "Also deploy the central gateway; needs --host.")
        boolean gateway;

        @Mixin
        ExposureOptions exposure;

        @Option(
                names = "--namespace",
                defaultValue = InstallSpec.DEFAULT_GATEWAY_NAMESPACE,
                paramLabel = "NS",
                description = "Namespace of the gateway (default: ${DEFAULT-VALUE}).")
        String namespace;

        @Option(names = "--insecure", description = "Record the gateway as insecure instead of pinning its CA.")
        boolean insecure;

        @Option(
                names = "--timeout",
                defaultValue = "5m",
                converter = DurationConverter.class,
                paramLabel = "DURATION",
                description = "Limit of the waits for the CRD and the gateway's rollout (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--no-wait", description = "Return after applying.")
        boolean noWait;

        @Option(names = "--dry-run", description = "Apply nothing; print the objects as YAML.")
        boolean dryRun;

        @Override
        public Integer call() {
            InstallSpec gatewaySpec = gateway
                    ? exposure.applyTo(InstallSpec.gatewayBuilder(exposure.requireHost("the gateway"))
                                    .namespace(namespace))
                            .build()
                    : null;
            if (!gateway && exposure.host != null) {
                throw new MeridianException.InvalidInput("--host is for the gateway: add --gateway to deploy it.");
            }
            if (dryRun) {
                List<HasMetadata> objects = new ArrayList<>(List.of(PlaneManifests.clusterCrd()));
                if (gatewaySpec != null) {
                    objects.addAll(AgentManifests.build(gatewaySpec));
                }
                out().print(YamlRenderer.render(objects));
                out().flush();
                return ExitCodes.OK;
            }
            PrintWriter err = err();
            InstallOptions options = InstallOptions.defaults()
                    .withTimeout(timeout)
                    .withWaitForRollout(!noWait)
                    .withInsecure(insecure);
            try (MeridianCommand.Fleet fleet = openFleet()) {
                PlaneInstaller installer = new PlaneInstaller(fleet.client());
                Change change = installer.installCrd(options, progress());
                err.println("[info] Cluster CRD " + change.name().toLowerCase(Locale.ROOT));
                if (gatewaySpec != null) {
                    InstallResult result = installer.installGateway(gatewaySpec, options, progress());
                    err.println("[info] Central gateway at https://" + result.endpoint() + " recorded in ConfigMap "
                            + PlaneManifests.DEFAULT_NAMESPACE + "/" + PlaneManifests.GATEWAY_RECORD
                            + (result.rolledOut() ? "" : " (rollout not awaited)"));
                }
            }
            done(
                    "Management plane ready; register clusters with 'meridian cluster connect NAME --target-context CTX'.");
            return ExitCodes.OK;
        }
    }
}
