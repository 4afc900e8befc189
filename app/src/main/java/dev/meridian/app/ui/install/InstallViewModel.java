package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.YamlRenderer;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The install wizard's state and work: the step it is on, the preview of exactly what will be applied, then the
 * install through {@link AgentInstallFlow#install} with its progress lines and the sentence it ends on. Its
 * properties change on the services' FX executor only; the install runs on a worker the model owns.
 */
final class InstallViewModel implements AutoCloseable {
    enum Step {
        TARGET,
        PREVIEW,
        INSTALL
    }

    private final ContextConnection plane;
    private final ClusterInfo cluster;
    private final List<String> contexts;
    private final AgentInstallFlow flow;
    private final FlowRunner runner;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.TARGET);
    private final ReadOnlyStringWrapper previewYaml = new ReadOnlyStringWrapper(this, "previewYaml", "");
    private final ReadOnlyStringWrapper previewHint = new ReadOnlyStringWrapper(this, "previewHint", "");
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private InstallRequest request;

    InstallViewModel(InstallServices services, ContextConnection plane, ClusterInfo cluster, List<String> contexts) {
        this.plane = plane;
        this.cluster = cluster;
        this.contexts = List.copyOf(contexts);
        this.flow = services.flow();
        this.runner = new FlowRunner(services, "agent-install");
    }

    String clusterName() {
        return cluster.name();
    }

    /** The kube contexts to offer as the target. */
    List<String> contexts() {
        return contexts;
    }

    /** Shows what {@code request} will apply; the form has checked its fields. */
    void preview(InstallRequest request) {
        this.request = request;
        InstallSpec spec = request.spec();
        previewYaml.set(YamlRenderer.render(AgentManifests.build(spec)));
        previewHint.set("These objects will be applied in context " + request.targetContext()
                + " (namespace " + spec.namespace() + ", " + spec.replicas() + " replicas of " + spec.image()
                + "); the install " + request.waitDescription() + ", then sets the cluster's endpoint on the "
                + "management plane.");
        step.set(Step.PREVIEW);
    }

    /** From the preview back to the form, whose fields kept what was typed. */
    void back() {
        if (step.get() == Step.PREVIEW) {
            step.set(Step.TARGET);
        }
    }

    /** Runs the previewed install; {@link #doneProperty()} turns true with its outcome. */
    void install() {
        if (step.get() != Step.PREVIEW) {
            return;
        }
        InstallRequest installing = request;
        step.set(Step.INSTALL);
        runner.run(
                plane,
                installing.targetContext(),
                (target, fleet, listener) ->
                        flow.install(target, fleet, installing.spec(), installing.options(), listener),
                progress::add,
                outcome -> finish(InstallSummary.of(outcome)),
                error -> finish(InstallSummary.failure(error)));
    }

    private void finish(InstallSummary summary) {
        result.set(summary.text());
        failed.set(!summary.ok());
        done.set(true);
    }

    ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    ReadOnlyStringProperty previewYamlProperty() {
        return previewYaml.getReadOnlyProperty();
    }

    ReadOnlyStringProperty previewHintProperty() {
        return previewHint.getReadOnlyProperty();
    }

    /** The install's progress messages, oldest first. */
    ObservableList<String> progress() {
        return FXCollections.unmodifiableObservableList(progress);
    }

    /** True once the install has succeeded or failed. */
    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The endpoint that was set and its health, or what failed and what to do next. */
    ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Takes no more work; an install under way finishes. */
    @Override
    public void close() {
        runner.close();
    }
}
