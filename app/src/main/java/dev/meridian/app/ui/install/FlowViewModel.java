package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.sandbox.SandboxInstallDefaults;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the install wizard's and the uninstall dialog's models share: the cluster they act on and the
 * contexts to offer, one run of {@link AgentInstallFlow} on a worker the model owns, and that run's
 * progress lines, done and failed flags and closing sentence. Properties change on the services' FX
 * executor only.
 */
abstract class FlowViewModel implements AutoCloseable {
    final ClusterInfo cluster;
    final AgentInstallFlow flow;
    private final ContextConnection plane;
    private final List<String> contexts;
    private final FlowRunner runner;
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

    FlowViewModel(
            InstallServices services,
            ContextConnection plane,
            ClusterInfo cluster,
            List<String> contexts,
            String threadName) {
        this.plane = plane;
        this.cluster = cluster;
        this.contexts = Targets.offered(contexts, isSandbox());
        this.flow = services.flow();
        this.runner = new FlowRunner(services, threadName);
    }

    String clusterName() {
        return cluster.name();
    }

    /** Whether the cluster is one of the sandbox's, whose install defaults apply. */
    boolean isSandbox() {
        return SandboxInstallDefaults.isSandbox(cluster.labels());
    }

    /** The targets to offer: the kube contexts, and the central route on a sandbox cluster ({@link Targets}). */
    List<String> contexts() {
        return contexts;
    }

    /** Runs {@code step} against {@code target} (a context or the central route), adding progress lines as they come. */
    <T> void run(String target, FlowRunner.Step<T> step, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        runner.run(plane, cluster.name(), target, step, progress::add, onSuccess, onFailure);
    }

    /** Ends the run with the sentence for the user. */
    void finish(boolean ok, String text) {
        result.set(text);
        failed.set(!ok);
        done.set(true);
    }

    /** The run's progress messages, oldest first. */
    ObservableList<String> progress() {
        return FXCollections.unmodifiableObservableList(progress);
    }

    /** True once the run has succeeded or failed. */
    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** What was done, or what failed and what to do next. */
    ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Takes no more work; a run under way finishes. */
    @Override
    public void close() {
        runner.close();
    }
}
