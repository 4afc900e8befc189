package dev.meridian.app.ui.fleet;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.ui.fleet.ClusterColumns.Column;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.shape.Circle;

/** The cluster table: one row per cluster, sortable by every column, virtualised for thousands of rows. */
public final class ClusterTable {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private ClusterTable() {}

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
        placeholder
                .textProperty()
                .bind(Bindings.when(model.totalProperty().isEqualTo(0))
                        .then("No clusters in this management plane yet.")
                        .otherwise(Bindings.concat("No cluster matches \"", model.filterTextProperty(), "\".")));
        table.setPlaceholder(placeholder);

        // Widths: preferred ones fit typical values side by side in a 1440-px window; the minimums keep
        // every header readable down to the window's minimum width. Longer values have tooltips.
        TableColumn<ClusterRow, String> name = text("Name", Column.NAME, 125, 90);
        // The cluster the current kube context points at: a marker before its name, as kubectx and Lens show it.
        name.setCellFactory(c -> new NameCell(model.currentClusterProperty()));
        model.currentClusterProperty().addListener((o, was, now) -> table.refresh());
        // What an admin looks for first leads: which cluster, how it is reached, whether it is healthy.
        table.getColumns().add(name);
        table.getColumns().add(route());
        if (withHealth) {
            table.getColumns().add(health());
        }
        TableColumn<ClusterRow, String> displayName = text("Display name", Column.DISPLAY_NAME, 150, 120);
        TableColumn<ClusterRow, String> endpoint = text("Endpoint", Column.ENDPOINT, 175, 135);
        table.getColumns().add(displayName);
        table.getColumns().add(endpoint);
        ColumnSizing.fitToValues(
                table,
                model.visibleRows(),
                Map.of(name, Column.NAME, displayName, Column.DISPLAY_NAME, endpoint, Column.ENDPOINT));
        table.getColumns().add(tls());
        table.getColumns().add(status());
        if (withHealth) {
            table.getColumns().add(centralLatency());
            table.getColumns().add(certificate());
        }
        table.getSortOrder().add(name);
        fitColumns(table);
        return table;
    }

    /**
     * Columns fill the table while their preferred widths fit; in a narrower table they keep those widths
     * and a horizontal scrollbar reaches the rest, instead of squeezing every column until values are cut.
     */
    private static void fitColumns(TableView<ClusterRow> table) {
        Runnable fit = () -> {
            double wanted = table.getColumns().stream()
                            .mapToDouble(TableColumn::getPrefWidth)
                            .sum()
                    + 4;
            boolean fits = table.getWidth() >= wanted;
            var policy =
                    fits ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
                if (!fits) {
                    // Back to the preferred widths the constrained policy had squeezed.
                    table.getColumns().forEach(column -> {
                        double preferred = column.getPrefWidth();
                        column.setPrefWidth(preferred + 1);
                        column.setPrefWidth(preferred);
                    });
                }
            }
        };
        table.widthProperty().addListener((o, was, now) -> fit.run());
    }

    private static TableColumn<ClusterRow, String> text(String title, Column value, double width, double minWidth) {
        TableColumn<ClusterRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> cell.getValue().text(value));
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setCellFactory(c -> new TruncatableCell());
        return column;
    }

    /** A text cell whose full text is a tooltip away, for columns narrower than their longest value. */
    static class TruncatableCell extends TableCell<ClusterRow, String> {
        // One tooltip per cell, its text replaced as the cell is reused while scrolling.
        private final javafx.scene.control.Tooltip tooltip = tooltip("");

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tooltip.setText(item == null ? "" : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : tooltip);
        }
    }

    /** The name cell: a filled marker before the name of the cluster the current kube context points at. */
    static final class NameCell extends TruncatableCell {
        private final javafx.beans.value.ObservableStringValue current;
        private final Circle marker = new Circle(4);

        NameCell(javafx.beans.value.ObservableStringValue current) {
            this.current = current;
            marker.getStyleClass().add("current-marker");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean isCurrent = !empty && item != null && item.equals(current.get());
            setGraphic(isCurrent ? marker : null);
            pseudoClassStateChanged(CURRENT, isCurrent);
            if (isCurrent) {
                setTooltip(tooltip(item + " — the current kube context points at this cluster"));
            }
        }
    }

    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");

    /** A cell with a coloured status dot before its text, and a tooltip that says more. */
    private abstract static class DotCell<T> extends TableCell<ClusterRow, T> {
        /** The dot's style class, the text and the tooltip of a filled cell. */
        record Look(String style, String text, String tooltip) {}

        // One dot and one tooltip per cell, updated as the cell is reused while scrolling.
        private final Circle dot = new Circle(4);
        private final javafx.scene.control.Tooltip tip = tooltip("");

        /** How the cell shows {@code item}; null leaves it empty. */
        abstract Look look(T item);

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            Look look = empty ? null : look(item);
            if (look == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            dot.getStyleClass().setAll("status-dot", look.style());
            setText(look.text());
            tip.setText(look.tooltip());
            setTooltip(tip);
            setGraphic(dot);
        }
    }

    /** The TLS mode; an endpoint whose certificate is not verified is flagged as a warning, as the editor warns. */
    private static TableColumn<ClusterRow, String> tls() {
        TableColumn<ClusterRow, String> column = text("TLS", Column.TLS, 105, 100);
        column.setCellFactory(c -> new TruncatableCell() {
            private final Label flag = new Label("⚠");

            {
                flag.getStyleClass().add("tls-insecure-flag");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean insecure =
                        !empty && EndpointState.TlsMode.INSECURE.label().equals(item);
                getStyleClass().remove("tls-insecure");
                setGraphic(insecure ? flag : null);
                if (insecure) {
                    getStyleClass().add("tls-insecure");
                    setTooltip(tooltip("Insecure: kube contexts skip TLS verification for this endpoint, so anyone "
                            + "between you and it can read and change the traffic. Trust its CA instead."));
                }
            }
        });
        return column;
    }

    private static TableColumn<ClusterRow, String> route() {
        TableColumn<ClusterRow, String> column = text("Route", Column.ROUTE, 70, 68);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(null);
                getStyleClass().removeAll("route-direct", "route-central");
                if (!empty) {
                    getStyleClass().add("Direct".equals(item) ? "route-direct" : "route-central");
                }
            }
        });
        return column;
    }

    private static TableColumn<ClusterRow, String> status() {
        TableColumn<ClusterRow, String> column = text("Status", Column.STATUS, 115, 85);
        column.setCellFactory(c -> new DotCell<>() {
            @Override
            Look look(String item) {
                ClusterRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    return null;
                }
                ClusterInfo info = row.info();
                return new Look(
                        info.isHealthy()
                                ? "status-ok"
                                : "Failed".equals(info.phase()) ? "status-failed" : "status-warn",
                        item,
                        info.message().isEmpty() ? item : item + ": " + info.message());
            }
        });
        return column;
    }

    private static TableColumn<ClusterRow, HealthSummary> health() {
        TableColumn<ClusterRow, HealthSummary> column = new TableColumn<>("Health");
        column.setCellValueFactory(cell -> cell.getValue().healthProperty());
        column.setComparator((a, b) -> a.verdict().compareTo(b.verdict()));
        column.setPrefWidth(130);
        column.setMinWidth(120);
        column.setCellFactory(c -> new DotCell<>() {
            @Override
            Look look(HealthSummary item) {
                if (item == null) {
                    return null;
                }
                String style = switch (item.verdict()) {
                    case UP -> "status-ok";
                    case DEGRADED -> "status-warn";
                    case DOWN -> "status-failed";
                    case UNKNOWN -> "status-unknown";
                };
                return new Look(style, healthText(item), healthTooltip(item));
            }
        });
        return column;
    }

    /** The verdict and latency of the route the cluster's context takes ("Up · 7 ms"). */
    static String healthText(HealthSummary item) {
        return item.shortText();
    }

    /** The central route's latency, beside the direct one, or the central-only cluster's own. */
    static String centralText(HealthSummary item) {
        HealthSummary central = item.route() == HealthSummary.Route.CENTRAL
                ? item
                : item.central().orElse(null);
        if (central == null || central.verdict() == HealthSummary.Verdict.UNKNOWN) {
            return "";
        }
        return central.latency().map(l -> l.toMillis() + " ms").orElse(central.verdictLabel());
    }

    private static TableColumn<ClusterRow, String> centralLatency() {
        TableColumn<ClusterRow, String> column = new TableColumn<>("Central");
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> centralText(cell.getValue().health()), cell.getValue().healthProperty()));
        column.setPrefWidth(76);
        column.setMinWidth(76);
        column.setCellFactory(c -> new TruncatableCell());
        return column;
    }

    static String healthTooltip(HealthSummary item) {
        String route =
                item.route() == HealthSummary.Route.CENTRAL ? "Central route (no direct endpoint)" : "Direct route";
        return route + ": " + item.shortText() + ". " + item.detail()
                + item.central()
                        .map(c -> "\nCentral route: " + c.shortText() + ". " + c.detail())
                        .orElse("");
    }

    private static javafx.scene.control.Tooltip tooltip(String text) {
        javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        return tooltip;
    }

    private static TableColumn<ClusterRow, String> certificate() {
        TableColumn<ClusterRow, String> column = new TableColumn<>("Cert expiry");
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue()
                        .health()
                        .certificateNotAfter()
                        .map(ClusterTable::expiry)
                        .orElse(""),
                cell.getValue().healthProperty()));
        column.setPrefWidth(125);
        column.setMinWidth(125);
        column.setCellFactory(c -> new TruncatableCell());
        return column;
    }

    private static String expiry(Instant notAfter) {
        long days = Duration.between(Instant.now(), notAfter).toDays();
        return DAY.format(notAfter) + (days < 30 ? " (" + days + " d)" : "");
    }
}
