package dev.meridian.app.ui.install;

import dev.meridian.app.ui.install.InstallViewModel.Step;
import dev.meridian.installer.manifest.InvalidSpecException;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Install agent" wizard: target and options, a preview of exactly what will be applied, then the install with
 * its progress and the new endpoint's health. A view of {@link InstallViewModel}: it shows the model's step and
 * forwards the buttons; the form's fields become an {@link InstallRequest} here.
 */
final class AgentInstallWizard {
    private static final List<String> STEPS = List.of("1  Target", "2  Preview", "3  Install");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final InstallViewModel model;
    private final Stage stage = new Stage();
    private final InstallForm form;
    private final BorderPane root = new BorderPane();
    private final List<Label> stepLabels = STEPS.stream().map(Label::new).toList();
    private final Button back = button("Back", "wizardBack");
    private final Button next = button("Preview", "wizardNext");
    private final Button install = button("Install", "wizardInstall");
    private final Button close = button("Cancel", "wizardClose");
    private Node previewPage;
    private Node installPage;

    AgentInstallWizard(InstallViewModel model) {
        this.model = model;
        this.form = new InstallForm(model.clusterName(), model.contexts(), model.isSandbox());
    }

    void show(Window owner) {
        ModalWindows.prepare(stage, owner, "Install agent in " + model.clusterName(), model::close);
        next.setDefaultButton(true);
        back.setOnAction(e -> model.back());
        next.setOnAction(e -> preview());
        install.setOnAction(e -> model.install());
        close.setOnAction(e -> stage.close());

        HBox steps = new HBox(24);
        steps.getStyleClass().add("wizard-steps");
        steps.getChildren().setAll(stepLabels);
        Label title = new Label("Install the direct endpoint agent in " + model.clusterName());
        title.getStyleClass().add("wizard-title");
        VBox header = ModalWindows.header(new VBox(8, title, steps));
        header.setPadding(new Insets(16, 16, 8, 16));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = ModalWindows.footer(new HBox(8, close, spacer, back, next, install));
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 16, 16, 16));
        root.setTop(header);
        root.setBottom(buttons);
        showStep(model.stepProperty().get());
        model.stepProperty().addListener((o, was, now) -> showStep(now));
        ModalWindows.show(stage, owner, root, 760, 680);
    }

    /** Reads the form; its errors show under their fields and the wizard stays on the first step. */
    private void preview() {
        try {
            InstallRequest request = form.request();
            if (request != null) {
                model.preview(request);
            }
        } catch (InvalidSpecException e) {
            form.showError(e);
        }
    }

    private void showStep(Step step) {
        back.disableProperty().unbind();
        close.disableProperty().unbind();
        close.defaultButtonProperty().unbind();
        close.setDisable(false);
        close.setDefaultButton(false);
        switch (step) {
            case TARGET -> {
                page(step, form.node());
                back.setDisable(true);
                next.setVisible(true);
                install.setVisible(false);
            }
            case PREVIEW -> {
                page(step, previewPage());
                back.setDisable(false);
                next.setVisible(false);
                install.setVisible(true);
                install.setDefaultButton(true);
            }
            case INSTALL -> {
                page(step, installPage());
                // After a failure, Back leads to the preview, whose Install runs it again.
                back.disableProperty().bind(model.failedProperty().not());
                install.setVisible(false);
                close.setText("Close");
                close.disableProperty().bind(model.doneProperty().not());
                close.defaultButtonProperty().bind(model.doneProperty());
            }
        }
    }

    private Node previewPage() {
        if (previewPage == null) {
            TextArea yaml = new TextArea();
            yaml.setId("wizardYaml");
            yaml.setEditable(false);
            yaml.getStyleClass().add("monospace");
            yaml.textProperty().bind(model.previewYamlProperty());
            Label hint = new Label();
            hint.setId("wizardPreviewHint");
            hint.setWrapText(true);
            hint.textProperty().bind(model.previewHintProperty());
            VBox.setVgrow(yaml, Priority.ALWAYS);
            previewPage = new VBox(8, hint, yaml);
        }
        return previewPage;
    }

    private Node installPage() {
        if (installPage == null) {
            ProgressBar bar = RunBar.of(model);
            TextArea progress = RunLog.of(model.progress(), "wizardProgress");
            Label result = new Label();
            result.setId("wizardResult");
            result.setWrapText(true);
            result.getStyleClass().add("install-result");
            result.textProperty().bind(model.resultProperty());
            result.pseudoClassStateChanged(FAILED, model.failedProperty().get());
            model.failedProperty().addListener((o, was, now) -> result.pseudoClassStateChanged(FAILED, now));
            VBox.setVgrow(progress, Priority.ALWAYS);
            // On a short screen the list gives up its height, never the bar or the result's wrapped lines.
            result.setMinHeight(Region.USE_PREF_SIZE);
            installPage = new VBox(8, bar, progress, result);
        }
        return installPage;
    }

    private void page(Step step, Node content) {
        BorderPane.setMargin(content, new Insets(8, 16, 8, 16));
        root.setCenter(content);
        for (int i = 0; i < stepLabels.size(); i++) {
            stepLabels.get(i).pseudoClassStateChanged(CURRENT, i == step.ordinal());
        }
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
