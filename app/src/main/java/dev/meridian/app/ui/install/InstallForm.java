package dev.meridian.app.ui.install;

import dev.meridian.app.sandbox.SandboxInstallDefaults;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.manifest.AgentVersion;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.InvalidSpecException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The wizard's first step: where to install and how the agent is reached, with errors under their fields. */
final class InstallForm {
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,5})([smh])");
    private final String clusterName;
    private final ComboBox<String> context = new ComboBox<>();
    private final TextField host = new TextField();
    private final ComboBox<Exposure> exposure = new ComboBox<>();
    private final TextField tlsSecret = new TextField(InstallSpec.DEFAULT_TLS_SECRET);
    private final TextField issuer = new TextField();
    private final CheckBox insecure = new CheckBox("Insecure: record the endpoint without certificate verification");
    private final TextField namespace = new TextField(InstallSpec.DEFAULT_NAMESPACE);
    private final TextField image = new TextField(AgentVersion.defaultImage());
    private final TextField ingressClass = new TextField(InstallSpec.DEFAULT_INGRESS_CLASS);
    private final Spinner<Integer> replicas = new Spinner<>(1, 10, InstallSpec.DEFAULT_REPLICAS);
    private final TextField timeout = new TextField("5m");
    private final CheckBox wait = new CheckBox("Wait for the rollout, then probe the endpoint");
    private final Label namespaceError = error("wizardNamespaceError");
    private final Label imageError = error("wizardImageError");
    private final Label ingressClassError = error("wizardIngressClassError");
    private final Label timeoutError = error("wizardTimeoutError");
    private final GridPane advancedGrid = new GridPane();
    private final TitledPane advanced = new TitledPane("Advanced", advancedGrid);
    private final Label contextError = error("wizardContextError");
    private final Label hostError = error("wizardHostError");
    private final Label tlsError = error("wizardTlsError");
    private final Label otherError = error("wizardError");
    private final GridPane grid = new GridPane();

    /**
     * @param contexts the targets to offer ({@link Targets#offered})
     * @param sandbox whether the cluster is one of the sandbox's: its host, issuer and target are then filled in
     */
    InstallForm(String clusterName, List<String> contexts, boolean sandbox) {
        this.clusterName = clusterName;
        context.setId("wizardContext");
        context.getItems().setAll(contexts);
        context.setValue(Targets.forInstall(clusterName, contexts, sandbox));
        if (sandbox) {
            host.setText(SandboxInstallDefaults.HOST);
            issuer.setText(SandboxInstallDefaults.CLUSTER_ISSUER);
        }
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
                return value == null
                        ? ""
                        : switch (value) {
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

        ModalWindows.formColumns(grid, 4, 120);
        int row = 0;
        row = add(row, "Target context", context, contextError);
        row = add(row, "Host", host, hostError);
        row = add(row, "Exposure", exposure, null);
        row = add(row, "TLS secret", tlsSecret, tlsError);
        row = add(row, "Cluster issuer", issuer, null);
        grid.add(insecure, 1, row++);
        grid.add(otherError, 1, row);
        advancedSection();
    }

    private void advancedSection() {
        namespace.setId("wizardNamespace");
        image.setId("wizardImage");
        ingressClass.setId("wizardIngressClass");
        ingressClass.disableProperty().bind(exposure.valueProperty().isNotEqualTo(Exposure.INGRESS));
        replicas.setId("wizardReplicas");
        replicas.setEditable(true);
        replicas.setPrefWidth(100);
        timeout.setId("wizardTimeout");
        timeout.setPrefColumnCount(6);
        timeout.setMaxWidth(Region.USE_PREF_SIZE);
        timeout.disableProperty().bind(wait.selectedProperty().not());
        wait.setId("wizardWait");
        wait.setSelected(true);
        ModalWindows.formColumns(advancedGrid, 4, Region.USE_PREF_SIZE);
        int row = 0;
        row = add(advancedGrid, row, "Agent namespace", namespace, namespaceError);
        row = add(advancedGrid, row, "Image", image, imageError);
        row = add(advancedGrid, row, "Ingress class", ingressClass, ingressClassError);
        row = add(advancedGrid, row, "Replicas", replicas, null);
        advancedGrid.add(wait, 1, row++);
        add(advancedGrid, row, "Rollout timeout", timeout, timeoutError);
        advanced.setId("wizardAdvanced");
        advanced.setExpanded(false);
        advanced.setAnimated(false);
    }

    Node node() {
        VBox page = new VBox(12, grid, advanced);
        // Room for the scroll bar, so it never covers the fields' right edge.
        page.setPadding(new javafx.geometry.Insets(0, 14, 8, 0));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    /** Opens the Advanced section, e.g. to show an error in it. */
    void expandAdvanced() {
        advanced.setExpanded(true);
    }

    /**
     * How the install runs: the timeout and wait from the Advanced section, and the insecure choice.
     *
     * @throws InvalidSpecException when the timeout cannot be read; pass it to {@link #showError}
     */
    private InstallOptions options() {
        InstallOptions options =
                InstallOptions.defaults().withInsecure(insecure.isSelected()).withWaitForRollout(wait.isSelected());
        return wait.isSelected() ? options.withTimeout(timeout()) : options;
    }

    /** "waits up to 5m for the rollout" or "does not wait for the rollout", for the preview. */
    private String waitDescription() {
        return wait.isSelected()
                ? "waits up to " + timeout.getText().strip() + " for the rollout"
                : "does not wait for the rollout";
    }

    private Duration timeout() {
        Matcher m = TIMEOUT.matcher(timeout.getText().strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new InvalidSpecException(
                    "timeout",
                    timeout.getText().strip(),
                    "write a positive whole number with s, m or h, e.g. 90s or 5m.");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private String targetContext() {
        return context.getValue();
    }

    /**
     * The spec the fields describe; null (with the error shown) when no target context is chosen.
     *
     * @throws InvalidSpecException when a field is invalid; pass it to {@link #showError}
     */
    private InstallSpec spec() {
        clearErrors();
        String issuerName = issuer.getText().strip();
        InstallSpec built = InstallSpec.builder(clusterName, host.getText().strip())
                .exposure(exposure.getValue())
                .tlsSecret(tlsSecret.getText().strip())
                .clusterIssuer(issuerName.isEmpty() ? null : issuerName)
                .namespace(namespace.getText().strip())
                .image(image.getText().strip())
                .ingressClass(ingressClass.getText().strip())
                .replicas(replicas.getValue())
                .build();
        options();
        return checkContext() ? built : null;
    }

    /**
     * What the fields ask for; null (with the error shown) when no target context is chosen.
     *
     * @throws InvalidSpecException when a field is invalid; pass it to {@link #showError}
     */
    InstallRequest request() {
        InstallSpec spec = spec();
        return spec == null ? null : new InstallRequest(targetContext(), spec, options(), waitDescription());
    }

    /** Shows the error under its field, and the missing context too, so every problem is seen at once. */
    void showError(InvalidSpecException e) {
        clearErrors();
        checkContext();
        Map<String, Label> byField = Map.of(
                "host",
                hostError,
                "TLS secret",
                tlsError,
                "cluster issuer",
                tlsError,
                "namespace",
                namespaceError,
                "image",
                imageError,
                "ingress class",
                ingressClassError,
                "timeout",
                timeoutError);
        Label label = byField.getOrDefault(e.field(), otherError);
        if (advancedGrid.getChildren().contains(label)) {
            expandAdvanced();
        }
        show(label, capitalized(e.getMessage()));
    }

    private boolean checkContext() {
        if (context.getValue() == null || context.getValue().isBlank()) {
            show(
                    contextError,
                    "Choose the kube context of cluster " + clusterName
                            + " itself: the agent is installed there, not in the management plane.");
            return false;
        }
        return true;
    }

    private int add(int row, String label, Node field, Label errorLabel) {
        return add(grid, row, label, field, errorLabel);
    }

    private static int add(GridPane grid, int row, String label, Node field, Label errorLabel) {
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row++);
        if (errorLabel != null) {
            grid.add(errorLabel, 1, row++);
        }
        return row;
    }

    private void clearErrors() {
        for (Label label : List.of(
                contextError,
                hostError,
                tlsError,
                otherError,
                namespaceError,
                imageError,
                ingressClassError,
                timeoutError)) {
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
        label.getStyleClass().add("install-field-error");
        label.setVisible(false);
        label.setManaged(false);
        return label;
    }
}
