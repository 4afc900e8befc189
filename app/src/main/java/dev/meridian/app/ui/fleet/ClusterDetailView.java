package dev.meridian.app.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.ui.common.Deferred;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The pane beside the table: who the selected cluster is, how it is reached, and its endpoint editor.
 * Shows a hint when nothing is selected.
 */
public final class ClusterDetailView {
    private final ReadOnlyObjectProperty<ClusterInfo> cluster;
    private final EndpointEditorView editor;
    private final Supplier<Node> actions;
    private final java.util.List<Supplier<Node>> sections;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label status = new Label();
    private final Circle statusDot = new Circle(5);
    private final Label route = new Label();
    private final Label routeUrl = new Label();
    /** The direct route's URL, shown whole: broken into lines at its slashes and dots where the pane is narrow. */
    private final javafx.beans.property.StringProperty routeUrlText =
            new javafx.beans.property.SimpleStringProperty("");

    private final Label routeDetail = new Label();
    private final Label description = new Label();
    /** The pane's scroll, once the content is built (it is built when a cluster is first selected). */
    private ScrollPane scroll;

    private dev.meridian.app.ui.common.ScrollAnchor anchor;

    /**
     * @param cluster the cluster shown: the editor's base, which follows the selection and the watch
     * @param actions builds the buttons for the selected cluster (Use cluster, Install agent...); null, or a
     *     supplier of null, for none
     * @param sections build further sections other modules provide (health, spaces), shown in this
     *     order above the endpoint editor; called when a cluster is first selected
     */
    public ClusterDetailView(
            EndpointEditorViewModel model, Supplier<Node> actions, java.util.List<Supplier<Node>> sections) {
        this.cluster = model.baseProperty();
        this.editor = new EndpointEditorView(model);
        this.actions = actions;
        this.sections = java.util.List.copyOf(sections);
    }

    public ClusterDetailView(EndpointEditorViewModel model, Supplier<Node> actions) {
        this(model, actions, java.util.List.of());
    }

    public Node createView() {
        // Built when a cluster is first selected: the editor and sections are most of the window's nodes.
        javafx.beans.binding.BooleanBinding selected = cluster.isNotNull();
        StackPane scroll = Deferred.until(selected, this::content);

        Label empty = new Label("Select a cluster to see how it is reached and to edit its direct endpoint.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setPadding(new Insets(24));
        empty.setId("detailPlaceholder");

        StackPane pane = new StackPane(scroll, empty);
        pane.getStyleClass().add("detail-pane");
        scroll.visibleProperty().bind(selected);
        empty.visibleProperty().bind(cluster.isNull());
        cluster.addListener((o, old, now) -> {
            show(now);
            // Another cluster opens at its top, not where the last one was left.
            if (this.scroll != null
                    && (old == null || now == null || !old.name().equals(now.name()))) {
                this.anchor.reset();
                this.scroll.setVvalue(0);
            }
        });
        show(cluster.get());
        return pane;
    }

    private Node content() {
        VBox content = new VBox(14, header(), routeSummary());
        Node buttons = actions == null ? null : actions.get();
        if (buttons != null) {
            content.getChildren().add(buttons);
        }
        // Health first, what an admin opens the pane for; then the endpoint editor.
        for (Supplier<Node> section : sections) {
            content.getChildren().addAll(new Separator(), section.get());
        }
        content.getChildren()
                .addAll(new Separator(), sectionTitle("Direct endpoint"), sectionHint(), editor.createView());
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setId("clusterDetail");
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.getStyleClass().add("detail-scroll");
        pane.setId("detailScroll");
        this.scroll = pane;
        this.anchor = dev.meridian.app.ui.common.ScrollAnchor.install(pane);
        return pane;
    }

    /** Moves the keyboard focus into the endpoint editor. */
    public void focusEditor() {
        editor.focusHost();
    }

    private Node header() {
        title.getStyleClass().add(Styles.TITLE_2);
        title.setId("detailTitle");
        title.setWrapText(true);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        HBox statusRow = new HBox(6, statusDot, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        description.setWrapText(true);
        description.managedProperty().bind(description.textProperty().isNotEmpty());
        description.visibleProperty().bind(description.managedProperty());
        return new VBox(4, title, subtitle, statusRow, description);
    }

    private Node routeSummary() {
        route.getStyleClass().add(Styles.TEXT_BOLD);
        routeDetail.setWrapText(true);
        routeDetail.setId("detailRoute");
        Label caption = new Label("Route");
        caption.getStyleClass().add("field-label");
        caption.setMinWidth(120);
        routeUrl.setId("detailRouteUrl");
        routeUrl.getStyleClass().add(Styles.TEXT_MUTED);
        dev.meridian.app.ui.common.Wrapping.fit(routeUrl, routeUrlText);
        routeUrl.managedProperty().bind(routeUrlText.isNotEmpty());
        routeUrl.visibleProperty().bind(routeUrl.managedProperty());
        routeDetail.managedProperty().bind(routeDetail.textProperty().isNotEmpty());
        routeDetail.visibleProperty().bind(routeDetail.managedProperty());
        VBox text = new VBox(2, route, routeUrl, routeDetail);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(16, caption, text);
        return row;
    }

    private static Node sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Node sectionHint() {
        Label hint = new Label();
        dev.meridian.app.ui.common.Wrapping.fit(
                hint,
                new javafx.beans.property.SimpleStringProperty(
                        "With a direct endpoint, kube contexts for this cluster go straight to its agent "
                                + "at https://<host>/kubernetes/cluster instead of through the central gateway."));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

    private void show(ClusterInfo c) {
        if (c == null) {
            return;
        }
        title.setText(c.title());
        String labels = c.labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("  "));
        subtitle.setText(labels.isEmpty() ? c.name() : c.name() + "   ·   " + labels);
        status.setText(ClusterColumns.status(c) + (c.message().isEmpty() ? "" : ": " + c.message()));
        statusDot
                .getStyleClass()
                .setAll(
                        "status-dot",
                        c.isHealthy() ? "status-ok" : "Failed".equals(c.phase()) ? "status-failed" : "status-warn");
        description.setText(c.description());
        routeDetail.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED, Styles.WARNING);
        if (c.endpoint() instanceof EndpointState.On on) {
            route.setText("Direct · " + ClusterColumns.tlsInFull(on));
            routeUrlText.set(on.hostPort().routeUrl());
            routeDetail.setText(String.join("\n", on.warnings()));
            routeDetail.getStyleClass().add(Styles.WARNING);
        } else if (c.endpoint() instanceof EndpointState.Invalid invalid) {
            routeUrlText.set("");
            route.setText("Central · stored endpoint is invalid");
            routeDetail.setText(String.join("\n", invalid.problems()));
            routeDetail.getStyleClass().add(Styles.DANGER);
        } else {
            routeUrlText.set("");
            route.setText("Central");
            routeDetail.setText("Through the management plane's gateway. Set a direct endpoint below to bypass it.");
            routeDetail.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }
}
