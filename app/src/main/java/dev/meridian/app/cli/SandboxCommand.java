package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxContext;
import dev.meridian.app.sandbox.SandboxInUse;
import dev.meridian.app.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sandbox",
        description = {
            "Run a whole multi-region fleet on this machine, on loopback only.",
            "A management plane behind a gateway, and connected clusters each with a real agent; it runs until "
                    + "interrupted. It adds its management context, meridian-sandbox, to your kubeconfig. A restart "
                    + "on the same folder comes back on the same addresses, so contexts written before keep working."
        })
final class SandboxCommand extends CliCommand {

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = {
                "Folder for the sandbox's kubeconfig, certificates, ports and audit logs; one sandbox runs per folder.",
                // Lines of their own: the help's line breaking would otherwise cut the path after "~/."
                "Default: $XDG_STATE_HOME/meridian/sandbox,",
                "else ~/.local/state/meridian/sandbox."
            })
    Path directory;

    @Option(
            names = "--clusters",
            split = ",",
            paramLabel = "NAME",
            description = "Connected clusters (default: eu-west,us-east,ap-south).")
    List<String> clusters = SandboxOptions.DEFAULT_CLUSTERS;

    @Option(
            names = "--latency",
            paramLabel = "HOP=DELAY,...",
            description = "Simulated one-way delay per hop, e.g. central=120ms,eu-west=15ms.")
    String latency;

    private SandboxOptions options() {
        MeridianCommand root = root();
        return new SandboxOptions(
                directory != null
                        ? directory
                        : SandboxOptions.defaultDirectory(
                                root.environment().env(), root.environment().home()),
                clusters,
                SandboxOptions.parseLatency(latency));
    }

    @Override
    public Integer call() {
        SandboxOptions options = options();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (SandboxInUse e) {
            throw new MeridianException.Conflict(
                    e.getMessage() + " Use that one, or give this one another folder with --dir.", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    sandbox.close();
                    stopped.countDown();
                },
                "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out().print(sandbox.describe());
        out().print(tryIt(sandbox, addContext(sandbox), options.clusters().get(0)));
        out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            sandbox.close();
        }
        return ExitCodes.OK;
    }

    /** The sandbox's context in the user's kubeconfig, where {@code cluster use} writes; null when it cannot be. */
    private SandboxContext.Added addContext(Sandbox sandbox) {
        try {
            return SandboxContext.addTo(root().kubeconfig(), sandbox.kubeconfig());
        } catch (KubeconfigException e) {
            err().println("[warn] Could not add the context " + Sandbox.CONTEXT + " to your kubeconfig: "
                    + e.getMessage());
            return null;
        }
    }

    private String tryIt(Sandbox sandbox, SandboxContext.Added added, String cluster) {
        StringBuilder text = new StringBuilder("\n");
        if (added != null) {
            text.append(added.describe()).append("\n\nTry it:\n");
            if (!root().kubeconfig()
                    .currentContext()
                    .filter(Sandbox.CONTEXT::equals)
                    .isPresent()) {
                text.append("  kubectl config use-context ")
                        .append(Sandbox.CONTEXT)
                        .append('\n');
            }
        } else {
            text.append("Try it:\n  export KUBECONFIG=")
                    .append(sandbox.kubeconfig())
                    .append('\n');
        }
        text.append("  ").append(Cli.invocation()).append(" cluster list\n");
        text.append("  ")
                .append(Cli.invocation())
                .append(" cluster use ")
                .append(cluster)
                .append('\n');
        text.append("  kubectl get ns -v 6\n");
        text.append("Press Ctrl+C to stop; everything started here stops with it.\n");
        return text.toString();
    }
}
