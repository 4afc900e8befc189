package dev.meridian.app.ui.install;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Uninstall agent": names the context and namespace it will empty, asks for confirmation, then shows the
 * uninstall's progress and outcome. A view of {@link UninstallViewModel}: it binds the fields and forwards the
 * buttons.
 */
final class AgentUninstallDialog {
    private final UninstallViewModel model;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Button cancel = new Button("Cancel");
    private final Button confirm = new Button("Uninstall");

    AgentUninstallDialog(UninstallViewModel model) {
        this.model = model;
    }

    void show(Window owner) {
        ModalWindows.prepare(stage, owner, "Uninstall agent from " + model.clusterName(), model::close);
        Label title = new Label("Uninstall the direct endpoint agent from " + model.clusterName());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        VBox header = ModalWindows.header(new VBox(title));
        header.setPadding(new Insets(20, 24, 8, 24));

        cancel.setId("uninstallCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        confirm.setId("uninstallConfirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(model.canConfirmProperty().not());
        confirm.setOnAction(e -> model.uninstall());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = ModalWindows.footer(new HBox(8, spacer, cancel, confirm));
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 24, 20, 24));

        root.setTop(header);
        root.setCenter(confirmation());
        root.setBottom(buttons);
        model.startedProperty().addListener((o, was, now) -> {
            if (now) {
                showProgress();
            }
        });
        ModalWindows.show(stage, owner, root, 640, 440);
    }

    private VBox confirmation() {
        ComboBox<String> context = new ComboBox<>();
        context.setId("uninstallContext");
        context.getItems().setAll(model.contexts());
        context.valueProperty().bindBidirectional(model.contextProperty());
        context.setPromptText("Kube context of " + model.clusterName() + " itself");
        context.setMaxWidth(Double.MAX_VALUE);
        TextField namespace = new TextField();
        namespace.setId("uninstallNamespace");
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        GridPane grid = new GridPane();
        ModalWindows.formColumns(grid, 8, 120);
        grid.addRow(0, new Label("Target context"), context);
        grid.addRow(1, new Label("Agent namespace"), namespace);

        Label summary = new Label();
        summary.setId("uninstallSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.setId("uninstallProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        VBox page = new VBox(16, grid, summary, problem);
        page.setPadding(new Insets(8, 24, 8, 24));
        return page;
    }

    private void showProgress() {
        TextArea progress = RunLog.of(model.progress(), "uninstallProgress");
        ProgressBar bar = RunBar.of(model);
        Label result = new Label();
        result.setId("uninstallResult");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Label doing = new Label();
        doing.textProperty().bind(model.doingProperty());
        VBox page = new VBox(8, doing, bar, progress, result);
        VBox.setVgrow(progress, Priority.ALWAYS);
        page.setPadding(new Insets(8, 24, 8, 24));
        root.setCenter(page);
        confirm.setVisible(false);
        confirm.setManaged(false);
        cancel.setText("Close");
        cancel.setId("uninstallClose");
        cancel.disableProperty().bind(model.doneProperty().not());
        model.doneProperty().addListener((o, was, now) -> {
            result.getStyleClass().add(model.failedProperty().get() ? Styles.DANGER : Styles.SUCCESS);
            cancel.setDefaultButton(true);
        });
    }
}
