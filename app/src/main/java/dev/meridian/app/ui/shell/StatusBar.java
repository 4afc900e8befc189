package dev.meridian.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.meridian.app.ui.fleet.FleetViewModel;
import dev.meridian.app.ui.shell.MainViewModel.Connection;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/**
 * The line at the bottom: which plane, its connection, and how many clusters, direct and unhealthy. It is
 * ControlsFX's status bar, whose progress bar runs while the plane is being connected to.
 */
final class StatusBar {
    private final MainViewModel model;

    StatusBar(MainViewModel model) {
        this.model = model;
    }

    Node createView() {
        FleetViewModel fleet = model.fleet();
        Circle dot = new Circle(4);
        Runnable dotStyle = () -> dot.getStyleClass()
                .setAll(
                        "status-dot",
                        switch (model.connectionProperty().get()) {
                            case CONNECTED -> "status-ok";
                            case CONNECTING -> "status-warn";
                            case FAILED -> "status-failed";
                            case NONE -> "status-unknown";
                        });
        model.connectionProperty().addListener((o, a, b) -> dotStyle.run());
        dotStyle.run();

        Label plane = new Label();
        plane.setId("statusPlane");
        plane.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.planeContextProperty().get().isEmpty()
                                ? "No management plane"
                                : "Plane: " + model.planeContextProperty().get(),
                        model.planeContextProperty()));
        Label context = new Label();
        context.setId("statusContext");
        context.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.kubeContextsProperty().get() == null
                                ? ""
                                : model.kubeContextsProperty()
                                        .get()
                                        .current()
                                        .map(c -> "Context: " + c)
                                        .orElse("No current context"),
                        model.kubeContextsProperty()));
        Label connection = new Label();
        connection.setId("statusConnection");
        connection.getStyleClass().add(Styles.TEXT_MUTED);
        connection.textProperty().bind(model.connectionMessageProperty());
        connection.setMaxWidth(520);

        Label clusters = count("statusClusters", Bindings.format("%d clusters", fleet.totalProperty()));
        Label direct = count("statusDirect", Bindings.format("%d direct", fleet.directProperty()));
        Label unhealthy = count("statusUnhealthy", Bindings.format("%d unhealthy", fleet.unhealthyProperty()));
        fleet.unhealthyProperty().addListener((o, a, n) -> setDanger(unhealthy, n.intValue() > 0));
        setDanger(unhealthy, fleet.unhealthyProperty().get() > 0);

        HBox counts = new HBox(12, clusters, separator(), direct, separator(), unhealthy);
        counts.setAlignment(Pos.CENTER_RIGHT);
        counts.visibleProperty().bind(model.connectionProperty().isNotEqualTo(Connection.NONE));
        HBox where = new HBox(8, dot, plane, separator(), context, connection);
        where.setAlignment(Pos.CENTER_LEFT);

        org.controlsfx.control.StatusBar bar = new org.controlsfx.control.StatusBar();
        bar.setText("");
        bar.getLeftItems().setAll(where);
        bar.getRightItems().setAll(counts);
        bar.progressProperty()
                .bind(Bindings.when(model.connectionProperty().isEqualTo(Connection.CONNECTING))
                        .then(-1.0)
                        .otherwise(0.0));
        bar.setPadding(new Insets(3, 12, 3, 12));
        bar.setId("statusBar");
        return bar;
    }

    private static Label count(String id, javafx.beans.binding.StringExpression text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private static Node separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private static void setDanger(Label label, boolean on) {
        label.getStyleClass().remove(Styles.DANGER);
        if (on) {
            label.getStyleClass().add(Styles.DANGER);
        }
    }
}
