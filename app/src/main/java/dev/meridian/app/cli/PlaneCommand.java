package dev.meridian.app.cli;

import dev.meridian.installer.apply.Change;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.PlaneInstaller;
import dev.meridian.installer.manifest.PlaneManifests;
import dev.meridian.installer.manifest.YamlRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plane", mixinStandardHelpOptions = true,
        description = "Make any Kubernetes cluster a management plane Meridian can use.",
        subcommands = {PlaneCommand.Install.class})
final class PlaneCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the clusters.management.loft.sh/v1 CRD into the management context's cluster",
                "(--context), so it can list connected clusters. Idempotent."})
    static final class Install implements Runnable {
        @Option(names = "--dry-run", description = "Apply nothing; print the CRD as YAML.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (dryRun) {
                spec.commandLine().getOut().print(YamlRenderer.render(java.util.List.of(PlaneManifests.clusterCrd())));
                spec.commandLine().getOut().flush();
                return;
            }
            MeridianCommand root = MeridianCommand.of(spec);
            try (MeridianCommand.Fleet fleet = root.openFleet()) {
                Change change = new PlaneInstaller(fleet.client())
                        .installCrd(InstallOptions.defaults(), AgentCommand.printer(spec.commandLine().getErr()));
                spec.commandLine().getErr().println("[done] √ Management plane ready (CRD " + change.name().toLowerCase(java.util.Locale.ROOT)
                        + "); register clusters as Cluster objects.");
            }
        }
    }
}
