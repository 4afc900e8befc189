package dev.meridian.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.ui.common.Background;
import dev.meridian.app.ui.common.Deferred;
import dev.meridian.app.ui.common.Notifier;
import dev.meridian.app.ui.fleet.ClusterDetailView;
import dev.meridian.app.ui.fleet.ClusterRow;
import dev.meridian.app.ui.fleet.ClusterTable;
import dev.meridian.app.ui.fleet.EndpointEditorViewModel;
import dev.meridian.app.ui.fleet.FleetFeed;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.hooks.DesktopShell;
import dev.meridian.app.ui.hooks.FleetSnapshot;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.app.ui.shell.MainViewModel.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The main window: plane picker and filter on top, cluster table and detail pane, status bar below. */
public final class MainWindow implements DesktopShell, AutoCloseable {
    private final Stage stage;
    private final Background background = new Background();
    private final Notifier notifier = new Notifier();
    private final DesktopServices services;
    private final MainViewModel model;
    private final EndpointEditorViewModel editor;
    private final WindowState windowState;
    private final FleetFeed fleetFeed;
    private final List<AutoCloseable> companions = new ArrayList<>();
    private TableView<ClusterRow> table;
    private javafx.scene.control.TextField filter;
    private ClusterDetailView detail;

    private MainWindow(
            Stage stage, DesktopEnvironment environment, DesktopServices services, PlaneSession.Connector connector) {
        this.stage = stage;
        this.services = services;
        this.model = new MainViewModel(
                connector,
                environment.kubeconfig(),
                new SettingsStore(environment.configDirectory()),
                background,
                notifier::show,
                services.health());
        this.editor = new EndpointEditorViewModel(model::fleetService, background, notifier::show, environment.clock());
        this.windowState = new WindowState(stage, model);
        this.fleetFeed = new FleetFeed(model.fleet().rows(), model.planeContextProperty());
    }

    /**
     * Builds the window on {@code stage} with {@code services} as its parts, shows it, and starts connecting. FX
     * thread.
     */
    public static MainWindow open(Stage stage, DesktopEnvironment environment, DesktopServices services) {
        return open(
                stage,
                environment,
                services,
                PlaneSession.fromKubeconfig(environment.kubeconfig(), environment.clock()));
    }

    public static MainWindow open(
            Stage stage, DesktopEnvironment environment, DesktopServices services, PlaneSession.Connector connector) {
        return open(stage, environment, services, connector, null);
    }

    /** As above, connecting to {@code plane} (when not null) from the start, such as the first-run sandbox's. */
    public static MainWindow open(
            Stage stage,
            DesktopEnvironment environment,
            DesktopServices services,
            PlaneSession.Connector connector,
            String plane) {
        MainWindow window = new MainWindow(stage, environment, services, connector);
        if (plane != null) {
            window.model.connect(plane);
        }
        window.show();
        return window;
    }

    private void show() {
        Themes.apply(model.settingsProperty().get().theme());
        Scene scene = new Scene(createView(), 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("meridian.css").toExternalForm());
        installShortcuts(scene);
        stage.setScene(scene);
        stage.getIcons().setAll(AppIcons.windowIcons());
        stage.titleProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.planeContextProperty().get().isEmpty()
                                ? "Meridian"
                                : "Meridian - " + model.planeContextProperty().get(),
                        model.planeContextProperty()));
        windowState.restore();
        stage.setOnHidden(e -> windowState.save());
        stage.show();
        // Reading the kubeconfig and opening the plane's client load and compile much code; on a
        // small machine doing that during the first frame held it up (issue #9).
        FirstFrame.then(scene, model::start);
        // The tray starts AWT, which would hold up the first frame by a second or more (issue #9); one
        // more turn of the FX queue lets whatever else waited for the first frame go before it.
        FirstFrame.then(scene, () -> Platform.runLater(this::installTray));
    }

    private void installTray() {
        if (!closed) {
            companions.add(services.tray().install(this));
        }
    }

    private StackPane createView() {
        BorderPane main = new BorderPane();
        TopBar top = new TopBar(model, services.health());
        main.setTop(top.createView());
        filter = top.filter();
        javafx.beans.binding.BooleanBinding noPlane = model.connectionProperty().isEqualTo(Connection.NONE);
        Node welcome =
                Deferred.until(noPlane, new WelcomeView(model, services.sandbox(), background, notifier)::createView);
        welcome.setId("welcome");
        Node fleetView = fleetView();
        welcome.visibleProperty().bind(noPlane);
        fleetView.visibleProperty().bind(welcome.visibleProperty().not());
        main.setCenter(new StackPane(fleetView, welcome));
        main.setBottom(new StatusBar(model).createView());
        StackPane root = new StackPane(main, notifier.layer());
        root.setId("root");
        return root;
    }

    private Node fleetView() {
        boolean health = services.health().isOffered();
        table = ClusterTable.create(model.fleet(), health);
        sayConnectingIn(table);
        leadFilterInto(table);
        detail = new ClusterDetailView(editor, this::clusterActions, detailSections());
        ChangeListener<ClusterInfo> followServer = (o, old, now) -> {
            if (now != null) {
                editor.onServerUpdate(now);
            }
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.infoProperty().removeListener(followServer);
            }
            if (now != null) {
                now.infoProperty().addListener(followServer);
            }
            if (now == null
                    || editor.baseProperty().get() == null
                    || !now.name().equals(editor.baseProperty().get().name())) {
                editor.select(now == null ? null : now.info());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !table.getSelectionModel().isEmpty()) {
                detail.focusEditor();
                e.consume();
            }
        });
        javafx.scene.Node detailView = detail.createView();
        // The editor's labels, fields and buttons need this much; below it they were clipped behind
        // a horizontal scroll bar. The table gives way instead and keeps the extra width on resize.
        ((javafx.scene.layout.Region) detailView).setMinWidth(DETAIL_MIN_WIDTH);
        SplitPane split = new SplitPane(table, detailView);
        SplitPane.setResizableWithParent(detailView, false);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(health ? 0.66 : 0.6);
        return split;
    }

    private Node clusterActions() {
        return new ClusterActions(
                        model,
                        editor,
                        services.contexts(),
                        services.health(),
                        services.installer(),
                        background,
                        notifier)
                .createView();
    }

    /** The detail pane's sections above the editor, each built when first shown: those the offered parts add. */
    private List<Supplier<Node>> detailSections() {
        List<Supplier<Node>> sections = new ArrayList<>();
        if (services.health().isOffered()) {
            sections.add(() -> new HealthSection(editor.baseProperty(), model).createView());
        }
        if (services.contexts().isOffered()) {
            sections.add(
                    () -> new SpacesSection(editor.baseProperty(), model, services.contexts(), background, notifier)
                            .createView());
        }
        return sections;
    }

    private static final double DETAIL_MIN_WIDTH = 480;

    /** Escape clears the filter, Down and Enter go on to the first matching row. */
    private void leadFilterInto(TableView<ClusterRow> table) {
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                table.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
    }

    /** The window shows before the fleet has loaded (issue #9): until then the table says why it is empty. */
    private void sayConnectingIn(TableView<ClusterRow> table) {
        Label connecting = new Label();
        connecting.setId("tableConnecting");
        connecting.getStyleClass().add(Styles.TEXT_MUTED);
        connecting.textProperty().bind(model.connectionMessageProperty());
        Node empty = table.getPlaceholder();
        table.placeholderProperty()
                .bind(javafx.beans.binding.Bindings.when(
                                model.connectionProperty().isEqualTo(Connection.CONNECTING))
                        .then((Node) connecting)
                        .otherwise(empty));
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            filter.requestFocus();
            filter.selectAll();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), editor::save);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), model::reloadContexts);
    }

    public Stage stage() {
        return stage;
    }

    public MainViewModel model() {
        return model;
    }

    public Notifier notifier() {
        return notifier;
    }

    @Override
    public void showMainWindow() {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    @Override
    public void quit() {
        stage.hide();
        close();
        Platform.exit();
    }

    @Override
    public ReadOnlyObjectProperty<FleetSnapshot> fleetProperty() {
        return fleetFeed.property();
    }

    private boolean closed;

    /**
     * Saves the window state, closes companions, the plane session and the background threads.
     * Idempotent; the app calls it when JavaFX stops.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        windowState.save();
        for (AutoCloseable companion : companions) {
            try {
                companion.close();
            } catch (Exception e) {
                System.err.println("Could not close " + companion + ": " + e);
            }
        }
        model.close();
        background.close();
    }
}
