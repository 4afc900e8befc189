package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.sandbox.SandboxInstallDefaults;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the install wizard's and the uninstall dialog's models share: the cluster they act on and the
 * contexts to offer, one run of {@link AgentInstallFlow} on a worker the model owns, and that run's
 * log (what it set out to do, each step, and on a failure the error with its causes), the share of it
 * done, done and failed flags and closing sentence. Properties change on the services' FX executor only.
 */
abstract class FlowViewModel implements AutoCloseable {
    /** The completion while a run is under way: a progress bar's "indeterminate". */
    static final double INDETERMINATE = -1;

    final ClusterInfo cluster;
    final AgentInstallFlow flow;
    private final ContextConnection plane;
    private final List<String> contexts;
    private final FlowRunner runner;
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyDoubleWrapper completion = new ReadOnlyDoubleWrapper(this, "completion", INDETERMINATE);
    private int plannedSteps = 1;
    private int stepsDone;

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

    /**
     * Runs {@code step} against {@code target} (a context or the central route), logging {@code intent} first and
     * then each progress line as it comes; a failure is logged with its causes before {@code onFailure} runs.
     *
     * @param plannedSteps about how many progress lines a whole run reports, to say how far a failed one got
     */
    <T> void run(
            String target,
            String intent,
            int plannedSteps,
            FlowRunner.Step<T> step,
            Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        this.plannedSteps = Math.max(1, plannedSteps);
        progress.add(intent);
        runner.run(
                plane,
                cluster.name(),
                target,
                step,
                line -> {
                    stepsDone++;
                    progress.add(line);
                },
                onSuccess,
                error -> {
                    progress.addAll(FailureLog.lines(error));
                    onFailure.accept(error);
                });
    }

    /** Ends the run with the sentence for the user. */
    void finish(boolean ok, String text) {
        result.set(text);
        failed.set(!ok);
        // A failed run's bar stops where the run stopped, never full as if it had finished (issue 19).
        completion.set(ok ? 1 : Math.min(0.9, Math.max(0.1, stepsDone / (double) plannedSteps)));
        done.set(true);
    }

    /** Forgets a finished run, for another. */
    void reset() {
        progress.clear();
        result.set("");
        failed.set(false);
        done.set(false);
        completion.set(INDETERMINATE);
        stepsDone = 0;
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

    /** How much of the run is done: indeterminate while it runs, 1 once it succeeded, where it stopped if it failed. */
    ReadOnlyDoubleProperty completionProperty() {
        return completion.getReadOnlyProperty();
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
