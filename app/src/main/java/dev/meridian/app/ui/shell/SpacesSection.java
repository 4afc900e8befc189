package dev.meridian.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.ui.common.Background;
import dev.meridian.app.ui.common.ErrorDialogs;
import dev.meridian.app.ui.common.Notifier;
import dev.meridian.app.ui.hooks.ContextActions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected cluster's spaces (namespaces), read through the route its kube context takes, with
 * "Use space" and "Create space". The name of a new space is checked as it is typed.
 */
final class SpacesSection {
    private final ReadOnlyObjectProperty<ClusterInfo> cluster;
    private final MainViewModel model;
    private final ContextActions contexts;
    private final Background background;
    private final Notifier notifier;
    private final ListView<String> list = new ListView<>();
    private final Label state = new Label();
    private final TextField name = new TextField();
    private final Label nameMessage = new Label();
    private final Button use = new Button("Use space");
    private final Button create = new Button("Create space");
    private final Button refresh = new Button("Refresh");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty nameUsable = new SimpleBooleanProperty(this, "nameUsable");
    private final AtomicLong generation = new AtomicLong();
    private String loadedFor;

    SpacesSection(
            ReadOnlyObjectProperty<ClusterInfo> cluster,
            MainViewModel model,
            ContextActions contexts,
            Background background,
            Notifier notifier) {
        this.cluster = cluster;
        this.model = model;
        this.contexts = contexts;
        this.background = background;
        this.notifier = notifier;
    }

    Node createView() {
        Label title = new Label("Spaces");
        title.getStyleClass().add(Styles.TITLE_4);
        refresh.setId("spacesRefresh");
        refresh.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        refresh.setOnAction(e -> reload());
        HBox header = new HBox(8, title, new atlantafx.base.controls.Spacer(), refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("spacesList");
        list.setFixedCellSize(28);
        list.setPrefHeight(28 * 5 + 4);
        list.setMinHeight(90);
        list.setPlaceholder(state);
        state.setId("spacesState");
        state.setWrapText(true);
        state.getStyleClass().add(Styles.TEXT_MUTED);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                useSelected();
            }
        });

        use.setId("useSpace");
        use.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull().or(busy));
        use.setOnAction(e -> useSelected());

        name.setId("newSpaceName");
        name.setPromptText("new-space-name");
        HBox.setHgrow(name, Priority.ALWAYS);
        name.textProperty().addListener((o, old, now) -> validate());
        name.setOnAction(e -> createSpace());
        create.setId("createSpace");
        create.setOnAction(e -> createSpace());
        create.disableProperty().bind(nameUsable.not().or(busy));
        nameMessage.setId("newSpaceMessage");
        nameMessage.setWrapText(true);
        nameMessage.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        nameMessage.managedProperty().bind(nameMessage.textProperty().isNotEmpty());
        nameMessage.visibleProperty().bind(nameMessage.managedProperty());
        validate();

        HBox createRow = new HBox(8, name, create);
        createRow.setAlignment(Pos.CENTER_LEFT);
        HBox useRow = new HBox(8, use);
        Label hint = new Label("Use space switches kubectl to the cluster with that namespace; Create space creates it "
                + "through the cluster's route, then switches to it.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(8, header, hint, list, useRow, createRow, nameMessage);
        box.setId("spacesSection");
        cluster.addListener((o, old, now) -> {
            if (now == null || !now.name().equals(loadedFor)) {
                reload();
            }
        });
        reload();
        return box;
    }

    /** Reads the spaces of the cluster shown now; a slower answer for an earlier cluster is dropped. */
    void reload() {
        ClusterInfo shown = cluster.get();
        long gen = generation.incrementAndGet();
        list.getItems().clear();
        loadedFor = shown == null ? null : shown.name();
        if (shown == null || model.session() == null) {
            state.setText("");
            return;
        }
        state.setText("Reading the spaces of " + shown.name() + "...");
        ContextConnection plane = model.session().connection();
        refresh.setDisable(true);
        background.run(
                () -> contexts.spaces(plane, shown),
                spaces -> {
                    if (generation.get() == gen) {
                        refresh.setDisable(false);
                        list.getItems().setAll(spaces);
                        state.setText("No spaces yet. Create one below.");
                    }
                },
                error -> {
                    if (generation.get() == gen) {
                        refresh.setDisable(false);
                        state.setText("Could not read the spaces: " + ErrorDialogs.userMessage(error)
                                + " Press Refresh to try again.");
                    }
                });
    }

    private void validate() {
        String text = name.getText();
        Optional<String> problem = text.isEmpty() ? Optional.empty() : ClusterContexts.spaceNameProblem(text);
        nameMessage.setText(problem.orElse(""));
        name.pseudoClassStateChanged(Styles.STATE_DANGER, problem.isPresent());
        nameUsable.set(!text.isEmpty() && problem.isEmpty());
    }

    private void useSelected() {
        String space = list.getSelectionModel().getSelectedItem();
        if (space != null) {
            run((plane, c) -> contexts.useSpace(plane, c, space), false);
        }
    }

    private void createSpace() {
        String space = name.getText();
        if (space.isEmpty() || ClusterContexts.spaceNameProblem(space).isPresent()) {
            return;
        }
        run((plane, c) -> contexts.createSpace(plane, c, space), true);
    }

    private void run(BiFunction<ContextConnection, ClusterInfo, String> action, boolean created) {
        ClusterInfo shown = cluster.get();
        if (shown == null || model.session() == null || busy.get()) {
            return;
        }
        ContextConnection plane = model.session().connection();
        busy.set(true);
        background.run(
                () -> action.apply(plane, shown),
                message -> {
                    busy.set(false);
                    notifier.show(Notifier.Kind.SUCCESS, message);
                    if (created) {
                        name.clear();
                        reload();
                    }
                },
                error -> {
                    busy.set(false);
                    notifier.show(Notifier.Kind.FAILURE, ErrorDialogs.userMessage(error));
                });
    }
}
