package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.YamlRenderer;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The install wizard's state and work: the step it is on, the preview of exactly what will be applied, then the
 * install through {@link AgentInstallFlow#install} with its progress lines and the sentence it ends on. Its
 * properties change on the services' FX executor only; the install runs on a worker the model owns.
 */
final class InstallViewModel extends FlowViewModel {
    enum Step {
        TARGET,
        PREVIEW,
        INSTALL
    }

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.TARGET);
    private final ReadOnlyStringWrapper previewYaml = new ReadOnlyStringWrapper(this, "previewYaml", "");
    private final ReadOnlyStringWrapper previewHint = new ReadOnlyStringWrapper(this, "previewHint", "");
    private InstallRequest request;

    InstallViewModel(InstallServices services, ContextConnection plane, ClusterInfo cluster, List<String> contexts) {
        super(services, plane, cluster, contexts, "agent-install");
    }

    /** Shows what {@code request} will apply; the form has checked its fields. */
    void preview(InstallRequest request) {
        this.request = request;
        InstallSpec spec = request.spec();
        previewYaml.set(YamlRenderer.render(AgentManifests.build(spec)));
        previewHint.set("These objects will be applied in "
                + Targets.describe(request.targetContext(), cluster.name())
                + " (namespace " + spec.namespace() + ", " + spec.replicas() + " replicas of " + spec.image()
                + "); the install " + request.waitDescription() + ", then sets the cluster's endpoint on the "
                + "management plane.");
        step.set(Step.PREVIEW);
    }

    /**
     * From the preview back to the form, whose fields kept what was typed; after a failed install, back to the
     * preview, to install again once the cause is fixed.
     */
    void back() {
        if (step.get() == Step.PREVIEW) {
            step.set(Step.TARGET);
        } else if (step.get() == Step.INSTALL && failedProperty().get()) {
            reset();
            step.set(Step.PREVIEW);
        }
    }

    /** Runs the previewed install; {@link #doneProperty()} turns true with its outcome. */
    void install() {
        if (step.get() != Step.PREVIEW) {
            return;
        }
        InstallRequest installing = request;
        step.set(Step.INSTALL);
        InstallSpec spec = installing.spec();
        run(
                installing.targetContext(),
                "Installing the agent in namespace " + spec.namespace() + " of "
                        + Targets.describe(installing.targetContext(), cluster.name()) + "...",
                // One line per object, the rollout's and the CA's, then the endpoint is set.
                AgentManifests.build(spec).size() + 2,
                (target, fleet, listener) ->
                        flow.install(target, fleet, installing.spec(), installing.options(), listener),
                outcome -> finish(InstallSummary.of(outcome)),
                error -> finish(InstallSummary.failure(error)));
    }

    private void finish(InstallSummary summary) {
        finish(summary.ok(), summary.text());
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
}
