package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The uninstall dialog's state and work: the context and namespace it will empty, said in one sentence, then
 * {@link AgentInstallFlow#uninstall} (what {@code meridian agent uninstall} runs) with each deleted object listed as
 * it goes. Its properties change on the services' FX executor only; the work runs on a worker the model owns.
 */
final class UninstallViewModel extends FlowViewModel {

    private final Consumer<String> onDone;
    private final Consumer<String> onFailed;
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", InstallSpec.DEFAULT_NAMESPACE);
    private final StringBinding summary;
    private final BooleanBinding canConfirm;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper(this, "started");
    private final ReadOnlyStringWrapper doing = new ReadOnlyStringWrapper(this, "doing", "");

    /**
     * @param onDone called on the FX executor with the sentence for the user when the agent was removed
     * @param onFailed called on the FX executor with what went wrong and what to do next
     */
    UninstallViewModel(
            InstallServices services,
            ContextConnection plane,
            ClusterInfo cluster,
            List<String> contexts,
            Consumer<String> onDone,
            Consumer<String> onFailed) {
        super(services, plane, cluster, contexts, "agent-uninstall");
        this.onDone = onDone;
        this.onFailed = onFailed;
        context.set(Targets.forUninstall(cluster.name(), contexts, isSandbox()));
        summary = Bindings.createStringBinding(
                () -> context.get() == null
                        ? "Choose the kube context of cluster " + cluster.name()
                                + " itself: the agent runs there, not in the management plane."
                        : "This deletes every object Meridian installed in namespace "
                                + namespace.get().strip()
                                + " of " + Targets.describe(context.get(), cluster.name())
                                + ", then clears the direct endpoint of cluster "
                                + cluster.name() + ": its kube contexts use the central route again.",
                context,
                namespace);
        canConfirm = context.isNotNull().and(namespace.isNotEmpty());
    }

    /** Checks the namespace, then removes the agent; {@link #doneProperty()} turns true with the outcome. */
    void uninstall() {
        if (!canConfirm.get() || started.get()) {
            return;
        }
        String targetContext = context.get();
        String ns = namespace.get().strip();
        if (!dev.meridian.app.core.DnsLabels.isLabel(ns)) {
            problem.set("Invalid namespace '" + ns + "': it must be a DNS label (lower-case letters, digits and "
                    + "'-', at most 63 characters).");
            return;
        }
        doing.set("Removing the agent from namespace " + ns + " of " + Targets.describe(targetContext, cluster.name())
                + "...");
        started.set(true);
        run(
                targetContext,
                doing.get(),
                AgentManifests.build(InstallSpec.builder(cluster.name(), "agent.invalid")
                                .namespace(ns)
                                .build())
                        .size(),
                (target, fleet, listener) -> flow.uninstall(target, fleet, cluster.name(), ns, listener),
                removal -> {
                    String text = removal.deleted().isEmpty()
                            ? "No agent objects in namespace " + ns + " of cluster " + cluster.name()
                                    + ": nothing was deleted there. Its direct endpoint was cleared; its kube contexts "
                                    + "use the central route."
                            : "Agent removed from cluster " + cluster.name() + " ("
                                    + removal.deleted().size()
                                    + " objects deleted in namespace " + ns
                                    + "); its kube contexts use the central route.";
                    finish(true, text);
                    onDone.accept(text);
                },
                error -> {
                    String text = InstallSummary.failureText(
                            "The uninstall did not finish.",
                            error,
                            "Fix the cause, then uninstall again: it deletes what is left.");
                    finish(false, text);
                    onFailed.accept(text);
                });
    }

    /** The kube context of the connected cluster itself; null until chosen. */
    StringProperty contextProperty() {
        return context;
    }

    /** The agent's namespace there, as typed. */
    StringProperty namespaceProperty() {
        return namespace;
    }

    /** What confirming will do, or what to choose first. */
    StringBinding summaryProperty() {
        return summary;
    }

    BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    /** Why the last confirmation was refused; empty when it was not. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once the uninstall is under way. */
    ReadOnlyBooleanProperty startedProperty() {
        return started.getReadOnlyProperty();
    }

    /** "Removing the agent from namespace ... of context ...", once started. */
    ReadOnlyStringProperty doingProperty() {
        return doing.getReadOnlyProperty();
    }
}
