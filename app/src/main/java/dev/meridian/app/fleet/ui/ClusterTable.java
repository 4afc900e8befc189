package dev.meridian.app.fleet.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.ui.ClusterColumns.Column;
import dev.meridian.app.ui.hooks.HealthSummary;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.shape.Circle;

/** The cluster table: one row per cluster, sortable by every column, virtualised for thousands of rows. */
public final class ClusterTable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private ClusterTable() {
    }

    /** @param withHealth whether a health source is plugged in; without one the health columns are left out */
    public static TableView<ClusterRow> create(FleetViewModel model, boolean withHealth) {
        TableView<ClusterRow> table = new TableView<>(model.visibleRows());
        table.setId("clusterTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        model.visibleRows().comparatorProperty().bind(table.comparatorProperty());
        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(Bindings.when(model.totalProperty().isEqualTo(0))
                .then("No clusters in this management plane yet.")
                .otherwise(Bindings.concat("No cluster matches \"", model.filterTextProperty(), "\".")));
        table.setPlaceholder(placeholder);

        TableColumn<ClusterRow, String> name = text("Name", Column.NAME, 160);
        table.getColumns().add(name);
        table.getColumns().add(text("Display name", Column.DISPLAY_NAME, 170));
        table.getColumns().add(route());
        table.getColumns().add(text("Endpoint", Column.ENDPOINT, 220));
        table.getColumns().add(text("TLS", Column.TLS, 100));
        table.getColumns().add(status());
        if (withHealth) {
            table.getColumns().add(health());
            table.getColumns().add(certificate());
        }
        table.getSortOrder().add(name);
        return table;
    }

    private static TableColumn<ClusterRow, String> text(String title, Column value, double width) {
        TableColumn<ClusterRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> cell.getValue().text(value));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<ClusterRow, String> route() {
        TableColumn<ClusterRow, String> column = text("Route", Column.ROUTE, 90);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("route-direct", "route-central");
                if (!empty) {
                    getStyleClass().add("Direct".equals(item) ? "route-direct" : "route-central");
                }
            }
        });
        return column;
    }

    private static TableColumn<ClusterRow, String> status() {
        TableColumn<ClusterRow, String> column = text("Status", Column.STATUS, 150);
        column.setCellFactory(c -> new TableCell<>() {
            private final Circle dot = new Circle(4);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ClusterRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                ClusterInfo info = row.info();
                dot.getStyleClass().setAll("status-dot", info.isHealthy() ? "status-ok"
                        : "Failed".equals(info.phase()) ? "status-failed" : "status-warn");
                setText(item);
                setGraphic(dot);
            }
        });
        return column;
    }

    private static TableColumn<ClusterRow, HealthSummary> health() {
        TableColumn<ClusterRow, HealthSummary> column = new TableColumn<>("Health");
        column.setCellValueFactory(cell -> cell.getValue().healthProperty());
        column.setComparator((a, b) -> a.verdict().compareTo(b.verdict()));
        column.setPrefWidth(130);
        column.setCellFactory(c -> new TableCell<>() {
            private final Circle dot = new Circle(4);

            @Override
            protected void updateItem(HealthSummary item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                dot.getStyleClass().setAll("status-dot", switch (item.verdict()) {
                    case UP -> "status-ok";
                    case DEGRADED -> "status-warn";
                    case DOWN -> "status-failed";
                    case UNKNOWN -> "status-unknown";
                });
                String verdict = item.verdict().name().charAt(0) + item.verdict().name().substring(1).toLowerCase();
                setText(item.latency().map(l -> verdict + " · " + l.toMillis() + " ms").orElse(verdict));
                setGraphic(dot);
            }
        });
        return column;
    }

    private static TableColumn<ClusterRow, String> certificate() {
        TableColumn<ClusterRow, String> column = new TableColumn<>("Cert expiry");
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().health().certificateNotAfter().map(ClusterTable::expiry).orElse(""),
                cell.getValue().healthProperty()));
        column.setPrefWidth(120);
        return column;
    }

    private static String expiry(Instant notAfter) {
        long days = Duration.between(Instant.now(), notAfter).toDays();
        return DAY.format(notAfter) + (days < 30 ? " (" + days + " d)" : "");
    }
}
