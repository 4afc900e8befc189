package dev.meridian.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.ui.common.Background;
import dev.meridian.app.ui.common.ErrorDialogs;
import dev.meridian.app.ui.common.Notifier;
import dev.meridian.app.ui.fleet.EndpointEditorViewModel;
import dev.meridian.app.ui.hooks.AgentInstallerLauncher;
import dev.meridian.app.ui.hooks.ContextActions;
import dev.meridian.app.ui.hooks.HealthSource;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

/**
 * The buttons for the selected cluster that the window's parts provide (Use cluster, Probe now, Install and
 * Uninstall agent). Only the offered parts' buttons appear; with none offered, there is no row at all.
 */
record ClusterActions(
        MainViewModel model,
        EndpointEditorViewModel editor,
        ContextActions contexts,
        HealthSource health,
        AgentInstallerLauncher installer,
        Background background,
        Notifier notifier) {

    /** The action row, or null when no part offers an action. */
    Node createView() {
        // Wraps rather than clips when the detail pane is at its narrowest.
        FlowPane row = new FlowPane(8, 8);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("clusterActions");
        if (contexts.isOffered()) {
            row.getChildren().add(useButton());
        }
        if (health.isOffered()) {
            row.getChildren().add(probeButton());
        }
        if (installer.isOffered()) {
            row.getChildren().addAll(installButton(), uninstallButton());
        }
        return row.getChildren().isEmpty() ? null : row;
    }

    private Button useButton() {
        Button use = new Button("Use cluster");
        use.setId("useCluster");
        use.getStyleClass().add(Styles.ACCENT);
        use.setOnAction(e -> run(use, cluster -> {
            String done = contexts.useCluster(model.session().connection(), cluster);
            javafx.application.Platform.runLater(model::reloadContexts); // the window marks the new current cluster
            return done;
        }));
        return use;
    }

    private Button probeButton() {
        Button probe = new Button("Probe now");
        probe.setId("probeCluster");
        probe.setOnAction(e -> {
            ClusterInfo cluster = editor.baseProperty().get();
            if (cluster != null && model.fleet().row(cluster.name()) != null) {
                model.probe(model.fleet().row(cluster.name()));
            }
        });
        return probe;
    }

    private Button installButton() {
        Button install = new Button("Install agent...");
        install.setId("installAgent");
        install.setOnAction(e -> withSelected(cluster ->
                installer.open(install.getScene().getWindow(), model.session().connection(), cluster)));
        return install;
    }

    /**
     * "Uninstall agent...", enabled only where there is an agent to remove (issue 19); until the cluster has
     * answered it stays disabled. Its tooltip says why, on a holder: a disabled button shows no tooltip.
     */
    private Node uninstallButton() {
        Button uninstall = new Button("Uninstall agent...");
        uninstall.setId("uninstallAgent");
        uninstall.setDisable(true);
        StackPane holder = new StackPane(uninstall);
        holder.setId("uninstallAgentHolder");
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(360);
        Tooltip.install(holder, why);
        uninstall.setOnAction(e -> withSelected(cluster -> installer.openUninstall(
                uninstall.getScene().getWindow(),
                model.session().connection(),
                cluster,
                done -> notifier.show(Notifier.Kind.SUCCESS, done),
                failed -> notifier.show(Notifier.Kind.FAILURE, failed))));
        AgentPresenceCheck check = new AgentPresenceCheck(installer, presence -> {
            uninstall.setDisable(!presence.installed());
            why.setText(presence.reason());
        });
        editor.baseProperty().addListener((o, was, now) -> check.recheck(model.session(), now));
        check.recheck(model.session(), editor.baseProperty().get());
        return holder;
    }

    /** Runs {@code action} on the cluster the editor shows, when there is one and a plane is connected. */
    private void withSelected(Consumer<ClusterInfo> action) {
        ClusterInfo cluster = editor.baseProperty().get();
        if (cluster != null && model.session() != null) {
            action.accept(cluster);
        }
    }

    private void run(Button button, Function<ClusterInfo, String> action) {
        withSelected(cluster -> runOn(button, cluster, action));
    }

    private void runOn(Button button, ClusterInfo cluster, Function<ClusterInfo, String> action) {
        button.setDisable(true);
        background.run(
                () -> action.apply(cluster),
                message -> {
                    button.setDisable(false);
                    notifier.show(Notifier.Kind.SUCCESS, message);
                },
                error -> {
                    button.setDisable(false);
                    notifier.show(Notifier.Kind.FAILURE, ErrorDialogs.userMessage(error));
                });
    }

    /**
     * Asks the installer whether the selected cluster has an agent, again whenever another cluster is selected or
     * its endpoint changes (an install or uninstall just ran), and shows only the latest question's answer.
     */
    private static final class AgentPresenceCheck {
        private final AgentInstallerLauncher installer;
        private final Consumer<AgentInstallerLauncher.Presence> show;
        private ClusterInfo asked;
        private int asking;

        AgentPresenceCheck(AgentInstallerLauncher installer, Consumer<AgentInstallerLauncher.Presence> show) {
            this.installer = installer;
            this.show = show;
        }

        void recheck(PlaneSession session, ClusterInfo cluster) {
            if (cluster == null || session == null) {
                asked = null;
                asking++;
                show.accept(new AgentInstallerLauncher.Presence(false, "Select a cluster to uninstall its agent."));
                return;
            }
            if (asked != null
                    && asked.name().equals(cluster.name())
                    && asked.endpoint().equals(cluster.endpoint())) {
                return;
            }
            asked = cluster;
            int ticket = ++asking;
            show.accept(new AgentInstallerLauncher.Presence(
                    false, "Looking for the agent in cluster " + cluster.name() + "..."));
            installer.findAgent(session.connection(), cluster, presence -> {
                if (ticket == asking) {
                    show.accept(presence);
                }
            });
        }
    }
}
