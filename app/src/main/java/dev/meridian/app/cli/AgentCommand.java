package dev.meridian.app.cli;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.sandbox.SandboxInstallDefaults;
import dev.meridian.installer.apply.AgentInstaller;
import dev.meridian.installer.apply.AgentStatus;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.InstallResult;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.YamlRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "agent",
        description = "Install, inspect, upgrade and remove the direct endpoint agent in a connected cluster.")
final class AgentCommand extends GroupCommand {

    /** Options every agent command shares: which cluster, and the kube context that reaches it. */
    static final class Target {
        @Mixin
        ClusterOption cluster;

        @Option(
                names = "--target-context",
                paramLabel = "CTX",
                description = "Kube context of the connected cluster itself (it must allow creating RBAC).")
        String targetContext;

        @Option(
                names = "--namespace",
                defaultValue = InstallSpec.DEFAULT_NAMESPACE,
                paramLabel = "NS",
                description = "Namespace of the agent (default: ${DEFAULT-VALUE}).")
        String namespace;

        /** Without --target-context, a sandbox cluster is reached through its central route. */
        KubernetesClient open(MeridianCommand root) {
            return open(root, targetContext == null && isSandboxOrUnknown(root));
        }

        /**
         * Whether the plane marks the cluster as a sandbox one; a plane that cannot say (or does not know the
         * cluster) leaves the choice to the options, whose absence is then the error to show.
         */
        boolean isSandboxOrUnknown(MeridianCommand root) {
            try {
                return isSandbox(root, cluster.name());
            } catch (RuntimeException e) {
                return false;
            }
        }

        /**
         * @param sandbox the cluster is one of the sandbox's: without --target-context, its central route
         *     reaches its API server
         */
        KubernetesClient open(MeridianCommand root, boolean sandbox) {
            if (targetContext == null && sandbox) {
                return root.openCentralRoute(cluster.name());
            }
            if (targetContext == null) {
                throw new MeridianException.InvalidInput("Pass --target-context with a kube context of cluster '"
                        + cluster.name() + "' itself: the agent is installed there, not in the management plane.");
            }
            return root.openContext(targetContext);
        }
    }

    @Command(
            name = "install",
            description = {
                "Install the agent in a connected cluster and turn its direct endpoint on.",
                "Installs the agent and its exposure, waits for the rollout, then sets the cluster's direct endpoint "
                        + "annotations. Idempotent: a re-run completes or changes nothing."
            })
    static final class Install extends CliCommand {
        @Mixin
        Target target;

        @Mixin
        ExposureOptions exposure;

        @Option(names = "--insecure", description = "Mark the endpoint insecure instead of pinning a CA.")
        boolean insecure;

        @Option(names = "--dry-run", description = "Apply nothing; with -o yaml, print what would be applied.")
        boolean dryRun;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "yaml",
                description = "With --dry-run: yaml.")
        String output;

        @Option(
                names = "--timeout",
                defaultValue = "5m",
                converter = DurationConverter.class,
                paramLabel = "DURATION",
                description = "Limit of the wait for the rollout (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--no-wait", description = "Return after applying and annotating.")
        boolean noWait;

        @Override
        public Integer call() {
            MeridianCommand root = root();
            // Only a missing value makes the plane worth asking; a dry run never needs the target.
            boolean sandbox = (exposure.host == null || (!dryRun && target.targetContext == null))
                    && target.isSandboxOrUnknown(root);
            if (sandbox && exposure.host == null) {
                // The sandbox's loopback ingress serves this host, with a certificate from its own issuer.
                exposure.host = SandboxInstallDefaults.HOST;
                if (exposure.clusterIssuer == null) {
                    exposure.clusterIssuer = SandboxInstallDefaults.CLUSTER_ISSUER;
                }
            }
            InstallSpec installSpec = exposure.applyTo(
                            InstallSpec.builder(target.cluster.name(), exposure.requireHost("the agent"))
                                    .namespace(target.namespace))
                    .build();
            if (dryRun) {
                if (output != null && !output.equals("yaml")) {
                    throw new MeridianException.InvalidInput("--dry-run prints only -o yaml.");
                }
                out().print(YamlRenderer.render(AgentManifests.build(installSpec)));
                out().flush();
                return ExitCodes.OK;
            }
            PrintWriter err = err();
            InstallOptions options = InstallOptions.defaults()
                    .withTimeout(timeout)
                    .withWaitForRollout(!noWait)
                    .withInsecure(insecure);
            AgentInstallFlow.Outcome outcome;
            try (KubernetesClient client = target.open(root, sandbox);
                    MeridianCommand.Fleet fleet = root.openFleet()) {
                outcome = AgentInstallFlow.standard(root.environment().clock())
                        .install(client, fleet.service(), installSpec, options, progress());
            }
            err.println("[info] Set the direct endpoint of cluster " + target.cluster.name() + " to "
                    + outcome.change().hostPort().routeUrl());
            outcome.health()
                    .ifPresent(health -> err.println("[info] Endpoint health: "
                            + health.verdict().label()
                            + (health.isUp() ? "" : " (" + health.verdict().message() + ")")));
            InstallResult result = outcome.install();
            done("Agent installed in cluster " + target.cluster.name() + " (namespace " + result.namespace()
                    + "); run 'meridian cluster use " + target.cluster.name() + "' to use it.");
            return ExitCodes.OK;
        }
    }

    /** Whether the management plane marks the cluster as one of the sandbox's. */
    private static boolean isSandbox(MeridianCommand root, String cluster) {
        try (MeridianCommand.Fleet fleet = root.openFleet()) {
            return SandboxInstallDefaults.isSandbox(fleet.service().get(cluster).labels());
        }
    }

    @Command(name = "status", description = "Show what is installed and whether it is ready.")
    static final class Status extends CliCommand {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            AgentStatus status;
            try (KubernetesClient client = target.open(root())) {
                status = new AgentInstaller(client).status(target.namespace);
            }
            PrintWriter out = out();
            if (!status.installed()) {
                out.println("Agent:     not installed in namespace " + target.namespace);
                return ExitCodes.OK;
            }
            out.println("Agent:     installed in namespace " + status.namespace());
            out.println("Image:     " + status.image() + " (version " + status.version() + ")");
            out.println("Replicas:  " + status.readyReplicas() + "/" + status.desiredReplicas() + " ready");
            out.println("Exposure:  " + status.exposure() + (status.host() == null ? "" : " for " + status.host()));
            out.println("Address:   " + (status.address() == null ? "none yet" : status.address()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "upgrade", description = "Change the agent's image in place.")
    static final class Upgrade extends CliCommand {
        @Mixin
        Target target;

        @Option(names = "--image", paramLabel = "IMAGE", description = "Agent image (default: this version's).")
        String image;

        @Override
        public Integer call() {
            try (KubernetesClient client = target.open(root())) {
                AgentStatus status = new AgentInstaller(client)
                        .upgrade(
                                target.namespace,
                                image != null ? image : dev.meridian.installer.manifest.AgentVersion.defaultImage(),
                                InstallOptions.defaults(),
                                progress());
                done("Agent in cluster " + target.cluster.name() + " runs " + status.image());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "uninstall",
            description = "Remove every object the install created and clear the cluster's endpoint annotations.")
    static final class Uninstall extends CliCommand {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            MeridianCommand root = root();
            String cluster = target.cluster.name();
            AgentInstallFlow.Removal removal;
            boolean hadEndpoint;
            try (KubernetesClient client = target.open(root);
                    MeridianCommand.Fleet fleet = root.openFleet()) {
                hadEndpoint = !(fleet.service().get(cluster).endpoint() instanceof EndpointState.Off);
                removal = AgentInstallFlow.standard(root.environment().clock())
                        .uninstall(client, fleet.service(), cluster, target.namespace, progress());
            }
            if (!removal.deleted().isEmpty()) {
                done("Agent removed from cluster " + cluster + " ("
                        + removal.deleted().size() + " objects deleted in namespace " + target.namespace
                        + "); its contexts use the central route.");
            } else if (hadEndpoint) {
                err().println("[info] No agent objects in namespace " + target.namespace + " of cluster " + cluster
                        + ": nothing was deleted there. Its direct endpoint was cleared; its contexts use the central "
                        + "route.");
            } else {
                err().println("[info] Nothing to remove: no agent objects in namespace " + target.namespace
                        + " of cluster " + cluster + ", and no direct endpoint.");
            }
            return ExitCodes.OK;
        }
    }
}
