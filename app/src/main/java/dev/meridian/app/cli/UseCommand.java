package dev.meridian.app.cli;

import dev.meridian.app.contexts.Switching.SpaceMode;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.SwitchOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "use",
        description = {
            "Switch to a connected cluster, or with '-' back to the previous context.",
            "With a cluster it is 'cluster use'. With '-' it returns to the context the last switch in this "
                    + "kubeconfig left, as 'kubectx -' does: run twice, it comes back."
        })
final class UseCommand extends CliCommand {
    @Parameters(paramLabel = "CLUSTER|-", description = "A connected cluster, or '-' for the previous context.")
    String target;

    @Mixin
    PrintOption print;

    @Override
    public Integer call() {
        if (!"-".equals(target)) {
            ContextSwitch.run(spec, target, null, SpaceMode.NONE, print.requested());
            return ExitCodes.OK;
        }
        SwitchOutcome outcome = root().kubeconfig().switchBack();
        if (outcome instanceof SwitchOutcome.Switched switched) {
            done("Switched back to kube context " + switched.context());
        } else if (outcome instanceof SwitchOutcome.NoSuchContext missing) {
            throw new MeridianException.NotFound("The previous context '" + missing.context()
                    + "' no longer exists in the kubeconfig. Pick one with 'kubectl config use-context'.");
        } else {
            throw new MeridianException.NotFound("No previous context is remembered for this kubeconfig: 'use -' "
                    + "returns to the context the last switch with Meridian left.");
        }
        return ExitCodes.OK;
    }
}
