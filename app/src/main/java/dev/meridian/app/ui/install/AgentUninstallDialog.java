package dev.meridian.app.ui.install;

import atlantafx.base.theme.Styles;
import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.installer.manifest.InstallSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Uninstall agent": names the context and namespace it will empty, asks for confirmation, then runs
 * {@link AgentInstallFlow#uninstall} (what {@code meridian agent uninstall} runs) in a {@link Task}
 * with each deleted object listed as it goes.
 */
final class AgentUninstallDialog {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private final ContextConnection plane;
    private final ClusterInfo cluster;
    private final AgentInstallFlow flow;
    private final Clock clock;
    private final Consumer<String> onDone;
    private final Consumer<String> onFailed;
    private final Stage stage = new Stage();
    private final ComboBox<String> context = new ComboBox<>();
    private final TextField namespace = new TextField(InstallSpec.DEFAULT_NAMESPACE);
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final ListView<String> progress = new ListView<>();
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label result = new Label();
    private final BorderPane root = new BorderPane();
    private final Button cancel = new Button("Cancel");
    private final Button confirm = new Button("Uninstall");

    AgentUninstallDialog(
            ContextConnection plane,
            ClusterInfo cluster,
            List<String> contexts,
            AgentInstallFlow flow,
            Clock clock,
            Consumer<String> onDone,
            Consumer<String> onFailed) {
        this.plane = plane;
        this.cluster = cluster;
        this.flow = flow;
        this.clock = clock;
        this.onDone = onDone;
        this.onFailed = onFailed;
        context.getItems().setAll(contexts);
        contexts.stream().filter(c -> c.equals(cluster.name())).findFirst().ifPresent(context::setValue);
    }

    void show(Window owner) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Uninstall agent from " + cluster.name());
        Label title = new Label("Uninstall the direct endpoint agent from " + cluster.name());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        VBox header = new VBox(title);
        header.setPadding(new Insets(20, 24, 8, 24));

        cancel.setId("uninstallCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        confirm.setId("uninstallConfirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(true);
        confirm.disableProperty()
                .bind(context.valueProperty()
                        .isNull()
                        .or(namespace.textProperty().isEmpty()));
        confirm.setOnAction(e -> uninstall());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 24, 20, 24));

        root.setTop(header);
        root.setCenter(confirmation());
        root.setBottom(buttons);
        Scene scene = new Scene(root, 640, 440);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    private VBox confirmation() {
        context.setId("uninstallContext");
        context.setPromptText("Kube context of " + cluster.name() + " itself");
        context.setMaxWidth(Double.MAX_VALUE);
        namespace.setId("uninstallNamespace");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.addRow(0, new Label("Target context"), context);
        grid.addRow(1, new Label("Agent namespace"), namespace);

        summary.setId("uninstallSummary");
        summary.setWrapText(true);
        summary.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> context.getValue() == null
                                ? "Choose the kube context of cluster " + cluster.name()
                                        + " itself: the agent runs there, not in " + "the management plane."
                                : "This deletes every object Meridian installed in namespace "
                                        + namespace.getText().strip()
                                        + " of context " + context.getValue()
                                        + ", then clears the direct endpoint of cluster "
                                        + cluster.name() + ": its kube contexts use the central route again.",
                        context.valueProperty(),
                        namespace.textProperty()));
        problem.setId("uninstallProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        VBox page = new VBox(16, grid, summary, problem);
        page.setPadding(new Insets(8, 24, 8, 24));
        return page;
    }

    private void uninstall() {
        String targetContext = context.getValue();
        String ns = namespace.getText().strip();
        if (!DNS_LABEL.matcher(ns).matches()) {
            problem.setText("Invalid namespace '" + ns + "': it must be a DNS label (lower-case letters, digits and "
                    + "'-', at most 63 characters).");
            return;
        }
        progress.setId("uninstallProgress");
        result.setId("uninstallResult");
        result.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label doing = new Label("Removing the agent from namespace " + ns + " of context " + targetContext + "...");
        VBox page = new VBox(8, doing, bar, progress, result);
        VBox.setVgrow(progress, Priority.ALWAYS);
        page.setPadding(new Insets(8, 24, 8, 24));
        root.setCenter(page);
        confirm.setVisible(false);
        confirm.setManaged(false);
        cancel.setText("Close");
        cancel.setId("uninstallClose");
        cancel.setDisable(true);
        Task<AgentInstallFlow.Removal> task = new Task<>() {
            @Override
            protected AgentInstallFlow.Removal call() {
                try (KubernetesClient management = dev.meridian.app.contexts.ContextClients.open(
                                plane.kubeconfigFiles(), plane.contextName());
                        KubernetesClient target =
                                dev.meridian.app.contexts.ContextClients.open(plane.kubeconfigFiles(), targetContext)) {
                    return flow.uninstall(
                            target,
                            new FleetService(management, clock),
                            cluster.name(),
                            ns,
                            event -> Platform.runLater(() -> progress.getItems().add(event.message())));
                }
            }
        };
        task.setOnSucceeded(e -> {
            AgentInstallFlow.Removal removal = task.getValue();
            String text = "Agent removed from cluster " + cluster.name() + " ("
                    + removal.deleted().size() + " objects deleted in namespace " + ns
                    + "); its kube contexts use the central route.";
            finish(true, text);
            onDone.accept(text);
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            String text = "Uninstall failed: "
                    + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())
                    + " Fix the cause and uninstall again; it deletes what is left.";
            finish(false, text);
            onFailed.accept(text);
        });
        Thread worker = new Thread(task, "agent-uninstall");
        worker.setDaemon(true);
        worker.start();
    }

    private void finish(boolean ok, String text) {
        bar.setProgress(1);
        result.setText(text);
        result.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
        cancel.setDisable(false);
        cancel.setDefaultButton(true);
    }
}
