package dev.meridian.app.ui.install;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.InvalidSpecException;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** The wizard's first step: where to install and how the agent is reached, with errors under their fields. */
final class InstallForm {
    private final String clusterName;
    private final ComboBox<String> context = new ComboBox<>();
    private final TextField host = new TextField();
    private final ComboBox<Exposure> exposure = new ComboBox<>();
    private final TextField tlsSecret = new TextField(InstallSpec.DEFAULT_TLS_SECRET);
    private final TextField issuer = new TextField();
    private final CheckBox insecure = new CheckBox("Insecure: record the endpoint without certificate verification");
    private final Label contextError = error("wizardContextError");
    private final Label hostError = error("wizardHostError");
    private final Label tlsError = error("wizardTlsError");
    private final Label otherError = error("wizardError");
    private final GridPane grid = new GridPane();

    InstallForm(String clusterName, List<String> contexts) {
        this.clusterName = clusterName;
        context.setId("wizardContext");
        context.getItems().setAll(contexts);
        contexts.stream().filter(c -> c.equals(clusterName)).findFirst().ifPresent(context::setValue);
        context.setPromptText("Kube context of " + clusterName + " itself");
        context.setMaxWidth(Double.MAX_VALUE);
        host.setId("wizardHost");
        host.setPromptText("agent." + clusterName + ".example.com");
        exposure.setId("wizardExposure");
        exposure.getItems().setAll(Exposure.values());
        exposure.setValue(Exposure.INGRESS);
        exposure.setConverter(new StringConverter<>() {
            @Override
            public String toString(Exposure value) {
                return value == null ? "" : switch (value) {
                    case INGRESS -> "Ingress (TLS at the ingress controller)";
                    case LOADBALANCER -> "LoadBalancer service (agent's own TLS)";
                    case NODEPORT -> "NodePort service (agent's own TLS)";
                };
            }

            @Override
            public Exposure fromString(String text) {
                return Exposure.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        exposure.setMaxWidth(Double.MAX_VALUE);
        tlsSecret.setId("wizardTlsSecret");
        issuer.setId("wizardIssuer");
        issuer.setPromptText("optional: cert-manager ClusterIssuer");
        insecure.setId("wizardInsecure");
        tlsSecret.disableProperty().bind(exposure.valueProperty().isNotEqualTo(Exposure.INGRESS));
        issuer.disableProperty().bind(tlsSecret.disableProperty());

        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        row = add(row, "Target context", context, contextError);
        row = add(row, "Host", host, hostError);
        row = add(row, "Exposure", exposure, null);
        row = add(row, "TLS secret", tlsSecret, tlsError);
        row = add(row, "Cluster issuer", issuer, null);
        grid.add(insecure, 1, row++);
        grid.add(otherError, 1, row);
    }

    Node node() {
        return grid;
    }

    String targetContext() {
        return context.getValue();
    }

    boolean insecure() {
        return insecure.isSelected();
    }

    /**
     * The spec the fields describe; null (with the error shown) when no target context is chosen.
     *
     * @throws InvalidSpecException when a field is invalid; pass it to {@link #showError}
     */
    InstallSpec spec() {
        clearErrors();
        String issuerName = issuer.getText().strip();
        InstallSpec built = InstallSpec.builder(clusterName, host.getText().strip()).exposure(exposure.getValue())
                .tlsSecret(tlsSecret.getText().strip()).clusterIssuer(issuerName.isEmpty() ? null : issuerName)
                .build();
        return checkContext() ? built : null;
    }

    /** Shows the error under its field, and the missing context too, so every problem is seen at once. */
    void showError(InvalidSpecException e) {
        clearErrors();
        checkContext();
        Map<String, Label> byField = Map.of("host", hostError, "TLS secret", tlsError, "cluster issuer", tlsError);
        show(byField.getOrDefault(e.field(), otherError), capitalized(e.getMessage()));
    }

    private boolean checkContext() {
        if (context.getValue() == null || context.getValue().isBlank()) {
            show(contextError, "Choose the kube context of cluster " + clusterName
                    + " itself: the agent is installed there, not in the management plane.");
            return false;
        }
        return true;
    }

    private int add(int row, String label, Node field, Label errorLabel) {
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row++);
        if (errorLabel != null) {
            grid.add(errorLabel, 1, row++);
        }
        return row;
    }

    private void clearErrors() {
        for (Label label : List.of(contextError, hostError, tlsError, otherError)) {
            label.setText("");
            label.setVisible(false);
            label.setManaged(false);
        }
    }

    private static void show(Label label, String text) {
        label.setText(text);
        label.setVisible(true);
        label.setManaged(true);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Label error(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setStyle("-fx-text-fill: #c0392b;");
        label.setVisible(false);
        label.setManaged(false);
        return label;
    }
}
