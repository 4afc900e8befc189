package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.SwitchOutcome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "use",
        mixinStandardHelpOptions = true,
        description = {
            "Switch to a connected cluster (like 'cluster use'), or with '-' back to the",
            "context you were in before switching to a Meridian context (like 'kubectx -')."
        })
final class UseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CLUSTER|-", description = "A connected cluster, or '-' for the previous context.")
    String target;

    @Mixin
    PrintOption print;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!"-".equals(target)) {
            ContextSwitch.run(spec, target, null, SpaceMode.NONE, print.requested());
            return ExitCodes.OK;
        }
        MeridianCommand root = MeridianCommand.of(spec);
        SwitchOutcome outcome = root.kubeconfig().switchBack();
        if (outcome instanceof SwitchOutcome.Switched switched) {
            spec.commandLine().getErr().println("[done] √ Switched back to kube context " + switched.context());
        } else if (outcome instanceof SwitchOutcome.NoSuchContext missing) {
            throw new MeridianException.NotFound("The previous context '" + missing.context()
                    + "' no longer exists in the kubeconfig. Pick one with 'kubectl config use-context'.");
        } else {
            throw new MeridianException.NotFound("No previous context is remembered: 'use -' returns to the context "
                    + "you were in before your first switch to a Meridian context.");
        }
        return ExitCodes.OK;
    }
}
