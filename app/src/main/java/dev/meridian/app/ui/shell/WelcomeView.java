package dev.meridian.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.meridian.app.kubeconfig.ContextList;
import dev.meridian.app.ui.common.Background;
import dev.meridian.app.ui.common.ErrorDialogs;
import dev.meridian.app.ui.common.Notifier;
import dev.meridian.app.ui.hooks.SandboxStarter;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * First run, or no plane chosen yet: explains what Meridian needs and lets the user pick the kube
 * context of their management plane (or start a sandbox, where one is offered).
 */
record WelcomeView(MainViewModel model, SandboxStarter sandbox, Background background, Notifier notifier) {

    Node createView() {
        ImageView icon = new ImageView(AppIcons.icon(64));
        Label title = new Label("Welcome to Meridian");
        title.getStyleClass().add(Styles.TITLE_1);
        Label intro = new Label("Meridian shows the clusters connected to a management plane and how kubectl "
                + "reaches each of them. Choose the kube context that reaches your management plane.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        ListView<String> contexts = new ListView<>(model.contexts());
        contexts.setId("welcomeContexts");
        contexts.setPrefHeight(200);
        contexts.getStyleClass().add(Styles.BORDERED);
        Label empty = new Label();
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        empty.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> emptyText(model.kubeContextsProperty().get()), model.kubeContextsProperty()));
        contexts.setPlaceholder(empty);
        model.kubeContextsProperty()
                .addListener((o, old, read) -> read.current()
                        .ifPresent(c -> contexts.getSelectionModel().select(c)));

        Button connect = new Button("Connect");
        connect.setId("welcomeConnect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.disableProperty()
                .bind(contexts.getSelectionModel().selectedItemProperty().isNull());
        connect.setOnAction(e -> model.connect(contexts.getSelectionModel().getSelectedItem()));
        contexts.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && contexts.getSelectionModel().getSelectedItem() != null) {
                model.connect(contexts.getSelectionModel().getSelectedItem());
            }
        });
        Button reload = new Button("Reload kubeconfig");
        reload.setOnAction(e -> model.reloadContexts());
        HBox buttons = new HBox(8, connect, reload);
        if (sandbox.isOffered()) {
            buttons.getChildren().add(sandboxButton());
        }

        Label files = new Label("Contexts from "
                + model.kubeconfigFiles().stream().map(Object::toString).collect(Collectors.joining(", ")));
        files.setWrapText(true);
        files.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        HBox heading = new HBox(16, icon, new VBox(6, title, intro));
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(16, heading, contexts, buttons, files);
        card.getStyleClass().add("welcome-card");
        card.setMaxWidth(640);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setPadding(new Insets(32));
        StackPane pane = new StackPane(card);
        pane.getStyleClass().add("welcome");
        pane.setPadding(new Insets(32));
        return pane;
    }

    private Button sandboxButton() {
        Button start = new Button("Start a sandbox");
        start.setId("welcomeSandbox");
        start.setOnAction(e -> {
            start.setDisable(true);
            background.run(
                    sandbox::start,
                    context -> {
                        model.reloadContexts();
                        model.connect(context);
                    },
                    error -> {
                        start.setDisable(false);
                        notifier.show(
                                Notifier.Kind.FAILURE,
                                "Could not start the sandbox: " + ErrorDialogs.userMessage(error));
                    });
        });
        return start;
    }

    private static String emptyText(ContextList read) {
        if (read == null) {
            return "Reading the kubeconfig...";
        }
        if (!read.problems().isEmpty()) {
            return String.join("\n", read.problems());
        }
        return "No kube contexts found. Add the management plane's context with 'kubectl config set-context', "
                + "or set KUBECONFIG, then choose Reload kubeconfig.";
    }
}
