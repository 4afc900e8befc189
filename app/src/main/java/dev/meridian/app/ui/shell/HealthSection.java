package dev.meridian.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.ui.common.Wrapping;
import dev.meridian.app.ui.fleet.ClusterRow;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The selected cluster's last probe: each route's verdict and latency, the direct route's timings and
 * certificate, and how the direct route compares with the central one. Follows the row's health as
 * probes finish.
 */
final class HealthSection {
    private final ReadOnlyObjectProperty<ClusterInfo> cluster;
    private final MainViewModel model;
    private final RouteLine direct = new RouteLine("healthDirect");
    private final RouteLine central = new RouteLine("healthCentral");
    private final Label timings = value("healthTimings");
    /** The captions of the timings and the certificate, which say whose they are: the direct or the central route's. */
    private final Label timingsCaption = caption("Timings");

    private final Label certificateCaption = caption("Certificate");
    private final Label certificate = value("healthCertificate");
    private final javafx.beans.property.StringProperty certificateText =
            new javafx.beans.property.SimpleStringProperty();
    private final Label comparison = value("healthComparison");
    private final ChangeListener<HealthSummary> follow = (o, old, now) -> show(now);
    private ClusterRow shown;

    HealthSection(ReadOnlyObjectProperty<ClusterInfo> cluster, MainViewModel model) {
        this.cluster = cluster;
        this.model = model;
        timingsCaption.setId("healthTimingsCaption");
    }

    Node createView() {
        Label title = new Label("Health");
        title.getStyleClass().add(Styles.TITLE_4);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        int row = 0;
        row = add(grid, row, "Direct route", direct.node());
        row = add(grid, row, timingsCaption, timings);
        row = add(grid, row, certificateCaption, certificate);
        row = add(grid, row, "Central route", central.node());
        add(grid, row, "Comparison", comparison);
        timings.getStyleClass().add(Styles.TEXT_SMALL);
        certificate.getStyleClass().add(Styles.TEXT_SMALL);
        Wrapping.fit(certificate, certificateText);
        VBox box = new VBox(10, title, grid);
        box.setId("healthSection");
        cluster.addListener((o, old, now) -> follow(now));
        model.fleet().rows().addListener((javafx.collections.ListChangeListener<ClusterRow>) c -> {
            if (shown == null && cluster.get() != null) {
                follow(cluster.get());
            }
        });
        follow(cluster.get());
        return box;
    }

    private void follow(ClusterInfo now) {
        ClusterRow row = now == null ? null : model.fleet().row(now.name());
        if (row == shown) {
            return;
        }
        if (shown != null) {
            shown.healthProperty().removeListener(follow);
        }
        shown = row;
        if (row != null) {
            row.healthProperty().addListener(follow);
        }
        show(row == null ? HealthSummary.unknown() : row.health());
    }

    private void show(HealthSummary health) {
        boolean centralOnly = health.route() == HealthSummary.Route.CENTRAL;
        Optional<HealthSummary> centralHealth = centralOnly ? Optional.of(health) : health.central();
        if (centralOnly) {
            direct.showText("None: this cluster is reached through the central route.");
        } else {
            direct.show(health);
        }
        centralHealth.ifPresentOrElse(
                central::show,
                () -> central.showText(
                        health.verdict() == HealthSummary.Verdict.UNKNOWN ? "Not probed yet." : "Not probed."));
        // A central-only cluster's timings are the central route's: say so, under "None" for the direct route.
        timingsCaption.setText(centralOnly ? "Central timings" : "Timings");
        certificateCaption.setText(centralOnly ? "Central certificate" : "Certificate");
        timings.setText(centralOnly ? centralHealth.get().timings() : health.timings());
        String presented = centralOnly ? centralHealth.get().certificate() : health.certificate();
        certificateText.set(Wrapping.spacedName(presented));
        comparison.setText(comparison(health, centralOnly));
    }

    static String comparison(HealthSummary health, boolean centralOnly) {
        if (centralOnly) {
            return "Set a direct endpoint to bypass the central route.";
        }
        Optional<HealthSummary> central = health.central();
        if (health.latency().isEmpty()
                || central.isEmpty()
                || central.get().latency().isEmpty()) {
            return health.verdict() == HealthSummary.Verdict.UNKNOWN
                    ? "Probe to compare the routes."
                    : "Both routes must answer to compare them.";
        }
        long directMs = health.latency().get().toMillis();
        long centralMs = central.get().latency().get().toMillis();
        long difference = Math.abs(centralMs - directMs);
        if (difference <= 2) {
            return "Both routes answered about as fast (" + directMs + " ms direct, " + centralMs + " ms central).";
        }
        return directMs < centralMs
                ? "The direct route answered " + difference + " ms faster than the central route."
                : "The central route answered " + difference + " ms faster than the direct route.";
    }

    private static int add(GridPane grid, int row, String caption, Node value) {
        return add(grid, row, caption(caption), value);
    }

    private static int add(GridPane grid, int row, Label caption, Node value) {
        grid.addRow(row, caption, value);
        return row + 1;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        GridPane.setValignment(label, VPos.TOP);
        // Whole, however narrow the pane: "Central certificate" was cut to "Central certific...".
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    /** A dot and "Up · 7 ms", with the probe's sentence below it when it is not simply up. */
    private static final class RouteLine {
        private final Circle dot = new Circle(4);
        private final Label text;
        private final Label detail = new Label();
        private final VBox node;

        RouteLine(String id) {
            text = value(id);
            detail.setId(id + "Detail");
            detail.setWrapText(true);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            detail.managedProperty().bind(detail.textProperty().isNotEmpty());
            detail.visibleProperty().bind(detail.managedProperty());
            HBox line = new HBox(6, dot, text);
            line.setAlignment(Pos.CENTER_LEFT);
            node = new VBox(2, line, detail);
        }

        Node node() {
            return node;
        }

        void show(HealthSummary health) {
            dot.setVisible(true);
            dot.getStyleClass()
                    .setAll(
                            "status-dot",
                            switch (health.verdict()) {
                                case UP -> "status-ok";
                                case DEGRADED -> "status-warn";
                                case DOWN -> "status-failed";
                                case UNKNOWN -> "status-unknown";
                            });
            text.setText(health.verdict() == HealthSummary.Verdict.UNKNOWN ? "Not probed yet." : health.shortText());
            detail.setText(
                    health.verdict() == HealthSummary.Verdict.UP || health.verdict() == HealthSummary.Verdict.UNKNOWN
                            ? ""
                            : health.detail());
        }

        void showText(String value) {
            dot.setVisible(false);
            text.setText(value);
            detail.setText("");
        }
    }
}
