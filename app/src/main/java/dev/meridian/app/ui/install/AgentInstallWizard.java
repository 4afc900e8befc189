package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.ui.hooks.AgentInstallerLauncher;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.InvalidSpecException;
import dev.meridian.installer.manifest.YamlRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Install agent" wizard: target and options, a preview of exactly what will be applied,
 * then the install with its progress and the new endpoint's health. The work runs in a
 * {@link Task}; progress reaches the list through {@link Platform#runLater}.
 */
public final class AgentInstallWizard {
    private static final List<String> STEPS = List.of("1  Target", "2  Preview", "3  Install");

    private final ContextConnection plane;
    private final ClusterInfo cluster;
    private final AgentInstallFlow flow;
    private final Clock clock;
    private final Stage stage = new Stage();
    private final InstallForm form;
    private final TextArea yaml = new TextArea();
    private final ListView<String> progress = new ListView<>();
    private final ProgressBar bar = new ProgressBar();
    private final Label result = new Label();
    private final Map<Integer, Label> stepLabels = new LinkedHashMap<>();
    private final BorderPane root = new BorderPane();
    private final Button back = button("Back", "wizardBack");
    private final Button next = button("Preview", "wizardNext");
    private final Button install = button("Install", "wizardInstall");
    private final Button close = button("Cancel", "wizardClose");
    private InstallSpec spec;
    private InstallOptions options;

    private AgentInstallWizard(
            ContextConnection plane, ClusterInfo cluster, List<String> contexts, AgentInstallFlow flow, Clock clock) {
        this.plane = plane;
        this.cluster = cluster;
        this.flow = flow;
        this.clock = clock;
        this.form = new InstallForm(cluster.name(), contexts);
    }

    /** The hook the desktop app calls: contexts are offered from {@code kubeconfig}. */
    public static AgentInstallerLauncher launcher(KubeconfigService kubeconfig, AgentInstallFlow flow, Clock clock) {
        return new AgentInstallerLauncher() {
            @Override
            public void open(Window owner, ContextConnection plane, ClusterInfo cluster) {
                new AgentInstallWizard(plane, cluster, kubeconfig.contextNames(), flow, clock).show(owner);
            }

            @Override
            public void openUninstall(
                    Window owner,
                    ContextConnection plane,
                    ClusterInfo cluster,
                    Consumer<String> onDone,
                    Consumer<String> onFailed) {
                new AgentUninstallDialog(plane, cluster, kubeconfig.contextNames(), flow, clock, onDone, onFailed)
                        .show(owner);
            }
        };
    }

    private void show(Window owner) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Install agent in " + cluster.name());
        yaml.setId("wizardYaml");
        yaml.setEditable(false);
        yaml.setStyle("-fx-font-family: monospace;");
        progress.setId("wizardProgress");
        result.setId("wizardResult");
        result.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        next.setDefaultButton(true);
        back.setOnAction(e -> showForm());
        next.setOnAction(e -> preview());
        install.setOnAction(e -> install());
        close.setOnAction(e -> stage.close());

        HBox steps = new HBox(24);
        steps.getStyleClass().add("wizard-steps");
        for (int i = 0; i < STEPS.size(); i++) {
            Label label = new Label(STEPS.get(i));
            stepLabels.put(i, label);
            steps.getChildren().add(label);
        }
        Label title = new Label("Install the direct endpoint agent in " + cluster.name());
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        VBox header = new VBox(8, title, steps);
        header.setPadding(new Insets(16, 16, 8, 16));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, close, spacer, back, next, install);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 16, 16, 16));
        root.setTop(header);
        root.setBottom(buttons);
        showForm();
        Scene scene = new Scene(root, 760, 680);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    private void showForm() {
        page(0, form.node());
        back.setDisable(true);
        next.setVisible(true);
        install.setVisible(false);
    }

    private void preview() {
        try {
            spec = form.spec();
            options = form.options();
        } catch (InvalidSpecException e) {
            form.showError(e);
            return;
        }
        if (spec == null) {
            return;
        }
        yaml.setText(YamlRenderer.render(AgentManifests.build(spec)));
        Label hint = new Label("These objects will be applied in context " + form.targetContext()
                + " (namespace " + spec.namespace() + ", " + spec.replicas() + " replicas of " + spec.image()
                + "); the install " + form.waitDescription() + ", then sets the cluster's endpoint on the "
                + "management plane.");
        hint.setId("wizardPreviewHint");
        hint.setWrapText(true);
        VBox page = new VBox(8, hint, yaml);
        VBox.setVgrow(yaml, Priority.ALWAYS);
        page(1, page);
        back.setDisable(false);
        next.setVisible(false);
        install.setVisible(true);
        install.setDefaultButton(true);
    }

    private void install() {
        String targetContext = form.targetContext();
        InstallSpec installSpec = spec;
        InstallOptions options = this.options;
        VBox page = new VBox(8, bar, progress, result);
        VBox.setVgrow(progress, Priority.ALWAYS);
        page(2, page);
        back.setDisable(true);
        install.setVisible(false);
        close.setText("Close");
        close.setDisable(true);
        Task<AgentInstallFlow.Outcome> task = new Task<>() {
            @Override
            protected AgentInstallFlow.Outcome call() {
                try (KubernetesClient management = dev.meridian.app.contexts.ContextClients.open(
                                plane.kubeconfigFiles(), plane.contextName());
                        KubernetesClient target =
                                dev.meridian.app.contexts.ContextClients.open(plane.kubeconfigFiles(), targetContext)) {
                    return flow.install(
                            target,
                            new FleetService(management, clock),
                            installSpec,
                            options,
                            event -> Platform.runLater(() -> progress.getItems().add(event.message())));
                }
            }
        };
        task.setOnSucceeded(e -> finish(InstallSummary.of(task.getValue())));
        task.setOnFailed(e -> finish(InstallSummary.failure(task.getException())));
        Thread worker = new Thread(task, "agent-install");
        worker.setDaemon(true);
        worker.start();
    }

    private void finish(InstallSummary summary) {
        bar.setProgress(1);
        result.setText(summary.text());
        result.setStyle(summary.ok() ? "-fx-font-weight: bold;" : "-fx-text-fill: #c0392b; -fx-font-weight: bold;");
        close.setDisable(false);
        close.setDefaultButton(true);
    }

    private void page(int index, Node content) {
        BorderPane.setMargin(content, new Insets(8, 16, 8, 16));
        root.setCenter(content);
        stepLabels.forEach((i, label) ->
                label.setStyle(i == index ? "-fx-font-weight: bold; -fx-underline: true;" : "-fx-opacity: 0.6;"));
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
