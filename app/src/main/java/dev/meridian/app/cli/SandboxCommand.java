package dev.meridian.app.cli;

import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sandbox",
        description = {
            "Run a whole multi-region fleet on this machine, on loopback only: a management plane",
            "behind a gateway, and connected clusters each with a real agent. Runs until interrupted."
        })
final class SandboxCommand extends CliCommand {

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Folder for the sandbox's kubeconfig, certificates and audit logs "
                    + "(default: $XDG_STATE_HOME/meridian/sandbox or ~/.local/state/meridian/sandbox).")
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

    @Override
    public Integer call() {
        MeridianCommand root = root();
        SandboxOptions options = new SandboxOptions(
                directory != null
                        ? directory
                        : SandboxOptions.defaultDirectory(
                                root.environment().env(), root.environment().home()),
                clusters,
                SandboxOptions.parseLatency(latency));
        Sandbox sandbox = Sandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    sandbox.close();
                    stopped.countDown();
                },
                "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out().print(sandbox.describe());
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
}
