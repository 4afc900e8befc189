package dev.meridian.app.ui.fleet;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.meridian.app.ui.common.Notifier.Kind;
import dev.meridian.app.ui.common.Wrapping;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The form that edits a cluster's direct endpoint: host, TLS verification, CA, Save and Clear. */
final class EndpointEditorView {
    private final EndpointEditorViewModel model;
    private TextField hostField;
    private final FieldValidation validation = new FieldValidation();

    EndpointEditorView(EndpointEditorViewModel model) {
        this.model = model;
    }

    Node createView() {
        GridPane form = new GridPane();
        form.setHgap(16);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        form.add(fieldLabel("Host"), 0, 0);
        form.add(hostField(), 1, 0);
        form.add(hostMessage(), 1, 1);
        Label tlsLabel = fieldLabel("TLS verification");
        GridPane.setValignment(tlsLabel, VPos.TOP);
        tlsLabel.setPadding(new Insets(6, 0, 0, 0));
        form.add(tlsLabel, 0, 2);
        form.add(insecureSwitch(), 1, 2);
        Label caLabel = fieldLabel("CA certificate");
        GridPane.setValignment(caLabel, VPos.TOP);
        caLabel.setPadding(new Insets(6, 0, 0, 0));
        form.add(caLabel, 0, 3);
        form.add(caEditor(), 1, 3);
        form.add(buttons(), 1, 4);
        form.add(status(), 1, 5);
        return form;
    }

    /** Moves the keyboard focus to the host field, e.g. when the user presses Enter in the table. */
    void focusHost() {
        if (hostField != null) {
            hostField.requestFocus();
            hostField.selectAll();
        }
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private Node hostField() {
        hostField = new TextField();
        hostField.setId("endpointHost");
        hostField.setPromptText("agent.example.com:443");
        hostField.textProperty().bindBidirectional(model.hostProperty());
        hostField.setOnAction(e -> model.save());
        validation.watch(
                hostField,
                () -> model.dirtyProperty().get() && !model.hostValidProperty().get(),
                () -> model.hostMessageProperty().get(),
                model.hostValidProperty(),
                model.dirtyProperty(),
                model.hostMessageProperty());
        return hostField;
    }

    private Node hostMessage() {
        Label message = new Label();
        message.setId("endpointHostMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_SMALL);
        Wrapping.fit(message, model.hostMessageProperty());
        Runnable style = () -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            message.getStyleClass()
                    .add(
                            !model.hostValidProperty().get()
                                            && model.dirtyProperty().get()
                                    ? Styles.DANGER
                                    : Styles.TEXT_MUTED);
        };
        model.hostValidProperty().addListener((o, a, b) -> style.run());
        model.dirtyProperty().addListener((o, a, b) -> style.run());
        style.run();
        return message;
    }

    private Node insecureSwitch() {
        ToggleSwitch insecure = new ToggleSwitch("Skip verification (insecure)");
        insecure.setId("endpointInsecure");
        insecure.selectedProperty().bindBidirectional(model.insecureProperty());
        insecure.setMinWidth(Region.USE_PREF_SIZE);
        // Under the switch, not beside it: side by side in a narrow pane both were cut to "(insecu…".
        Label hint = new Label("kubectl will not check the endpoint's certificate: anyone on the way can read "
                + "and change the traffic, credentials included.");
        hint.setId("endpointInsecureWarning");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        hint.managedProperty().bind(model.insecureProperty());
        hint.visibleProperty().bind(hint.managedProperty());
        VBox column = new VBox(4, insecure, hint);
        column.setPadding(new Insets(4, 0, 4, 0));
        return column;
    }

    private Node caEditor() {
        TextArea ca = new TextArea();
        ca.setId("endpointCa");
        ca.setPromptText("Paste the CA's PEM or its base64, or load a file. "
                + "Leave empty to trust the system's certificate authorities.");
        ca.setWrapText(true);
        ca.setPrefRowCount(4);
        ca.getStyleClass().add("monospace");
        ca.textProperty().bindBidirectional(model.caTextProperty());
        validation.watch(
                ca,
                () -> !model.caMessageProperty().get().isEmpty(),
                () -> model.caMessageProperty().get(),
                model.caMessageProperty());

        Button load = new Button("Load from file...");
        load.setId("endpointCaLoad");
        load.setOnAction(e -> chooseCaFile(load));
        Button remove = new Button("Remove CA");
        remove.getStyleClass().add(Styles.FLAT);
        remove.disableProperty().bind(model.caTextProperty().isEmpty());
        remove.setOnAction(e -> model.caTextProperty().set(""));
        Button trust = new Button("Trust presented certificate...");
        trust.setId("endpointTrust");
        trust.setTooltip(new javafx.scene.control.Tooltip(
                "Fetch the certificate the endpoint presents, check its " + "fingerprint, and use it as the CA."));
        trust.disableProperty().bind(model.hostValidProperty().not().or(model.busyProperty()));
        trust.setOnAction(e -> model.fetchPresentedCa(presented -> TrustDialog.show(
                trust.getScene().getWindow(),
                model.hostProperty().get().strip(),
                presented,
                java.time.Instant.now(),
                () -> model.trust(presented))));
        // Two short rows: side by side, all three were wider than the field column of a narrow pane.
        VBox actions = new VBox(6, new HBox(8, load, remove), trust);

        Label error = new Label();
        error.setId("endpointCaMessage");
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        error.textProperty().bind(model.caMessageProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        GridPane details = new GridPane();
        details.setId("endpointCaDetails");
        details.getStyleClass().add("ca-details");
        details.setHgap(12);
        details.setVgap(2);
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        details.getColumnConstraints().setAll(captions, values);
        model.caDetailsProperty().addListener((o, old, lines) -> showDetails(details, lines));
        showDetails(details, model.caDetailsProperty().get());
        details.managedProperty().bind(Bindings.isNotEmpty(details.getChildren()));
        details.visibleProperty().bind(details.managedProperty());
        return new VBox(6, ca, actions, error, details);
    }

    /** Fills the CA's details: each caption beside its value, the value wrapping within the pane. */
    private static void showDetails(GridPane details, java.util.List<CaInput.Line> lines) {
        details.getChildren().clear();
        int row = 0;
        for (CaInput.Line line : lines) {
            Label caption = new Label(line.caption());
            caption.getStyleClass().add(Styles.TEXT_MUTED);
            GridPane.setValignment(caption, VPos.TOP);
            Label value = new Label();
            Wrapping.fit(value, new javafx.beans.property.SimpleStringProperty(line.value()));
            if (line.value().contains("\n")) {
                value.getStyleClass().add("monospace");
            }
            details.addRow(row++, caption, value);
        }
    }

    private void chooseCaFile(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the endpoint's CA certificate");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Certificates (*.crt, *.pem, *.cer)", "*.crt", "*.pem", "*.cer"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner.getScene().getWindow());
        if (file != null) {
            model.loadCaFile(file.toPath());
        }
    }

    private Node buttons() {
        Button save = new Button("Save");
        save.setId("endpointSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.canSaveBinding().not());
        save.setOnAction(e -> model.save());
        Button revert = new Button("Revert");
        revert.setId("endpointRevert");
        revert.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        revert.setOnAction(e -> model.select(model.baseProperty().get()));
        Button clear = new Button("Clear endpoint");
        clear.setId("endpointClear");
        clear.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        clear.disableProperty().bind(model.canClearBinding().not());
        clear.setOnAction(e -> model.clear());
        return row(8, new Insets(10, 0, 0, 0), save, revert, clear);
    }

    private Node status() {
        Label status = new Label();
        status.setId("endpointStatus");
        status.setWrapText(true);
        status.getStyleClass().add("endpoint-status");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        Runnable style = () -> {
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
            Kind kind = model.statusKindProperty().get();
            status.getStyleClass()
                    .add(
                            switch (kind) {
                                case SUCCESS -> Styles.SUCCESS;
                                case WARNING -> Styles.WARNING;
                                case FAILURE -> Styles.DANGER;
                                case INFO -> Styles.ACCENT;
                            });
        };
        model.statusKindProperty().addListener((o, a, b) -> style.run());
        style.run();
        return status;
    }

    /** A row of controls, left-aligned and centred vertically. */
    private static HBox row(double spacing, Insets padding, Node... controls) {
        HBox row = new HBox(spacing, controls);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(padding);
        return row;
    }
}
