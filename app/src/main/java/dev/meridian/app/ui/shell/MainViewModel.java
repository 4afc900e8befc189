package dev.meridian.app.ui.shell;

import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.kubeconfig.ContextList;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.ui.common.Background;
import dev.meridian.app.ui.common.ErrorDialogs;
import dev.meridian.app.ui.common.Notifier.Kind;
import dev.meridian.app.ui.fleet.ClusterRow;
import dev.meridian.app.ui.fleet.FleetViewModel;
import dev.meridian.app.ui.hooks.HealthSource;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.SettingsStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The main window's state: which kube contexts can be management planes, which one is connected,
 * and the settings. Connecting and watching run on {@link Background}; results come back on the FX
 * thread. FX thread only.
 */
public final class MainViewModel implements AutoCloseable {

    public enum Connection {
        /** No plane chosen yet: the welcome view is shown. */
        NONE,
        CONNECTING,
        CONNECTED,
        FAILED
    }

    private final PlaneSession.Connector connector;
    private final KubeconfigService kubeconfig;
    private final SettingsStore store;
    private final Background background;
    private final BiConsumer<Kind, String> notify;
    private final HealthSource health;
    private final FleetViewModel fleet;
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ContextList> kubeContexts = new ReadOnlyObjectWrapper<>(this, "kubeContexts");
    private final ReadOnlyStringWrapper planeContext = new ReadOnlyStringWrapper(this, "planeContext", "");
    private final ReadOnlyObjectWrapper<Connection> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", Connection.NONE);
    private final ReadOnlyStringWrapper connectionMessage = new ReadOnlyStringWrapper(this, "connectionMessage", "");
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final AtomicLong generation = new AtomicLong();
    private PlaneSession session;

    public MainViewModel(
            PlaneSession.Connector connector,
            KubeconfigService kubeconfig,
            SettingsStore store,
            Background background,
            BiConsumer<Kind, String> notify,
            HealthSource health) {
        this.connector = connector;
        this.kubeconfig = kubeconfig;
        this.store = store;
        this.background = background;
        this.notify = notify;
        this.health = health;
        this.fleet = new FleetViewModel(message -> {
            connection.set(Connection.FAILED);
            connectionMessage.set(message + " Pick the plane again to reconnect.");
            notify.accept(Kind.FAILURE, message + " Pick the plane again to reconnect.");
        });
        this.settings.set(store.load());
        // Announced before the window shows, so it opens saying so rather than on the welcome view.
        settings.get().planeContext().ifPresent(last -> {
            connection.set(Connection.CONNECTING);
            connectionMessage.set("Connecting to " + last + "...");
        });
        // Every cluster is probed once when it first appears. The initial list arrives before the
        // session is up; it is probed once connected, when the central route is known too.
        if (health.isOffered()) {
            fleet.rows().addListener((ListChangeListener<ClusterRow>) c -> {
                while (c.next()) {
                    if (c.wasAdded()) {
                        for (ClusterRow row : List.copyOf(c.getAddedSubList())) {
                            reprobeOnNewEndpoint(row);
                            if (session != null) {
                                probe(row);
                            }
                        }
                    }
                }
            });
        }
    }

    /** Reads the kubeconfig contexts, then reconnects to the plane used last time if it still exists. */
    public void start() {
        background.run(
                kubeconfig::listContexts,
                read -> {
                    setContexts(read);
                    Optional<String> last = settings.get().planeContext();
                    if (last.isPresent() && read.contains(last.get())) {
                        connect(last.get());
                    } else if (planeContext.get().isEmpty()
                            && read.names().equals(List.of(dev.meridian.app.sandbox.Sandbox.CONTEXT))) {
                        // The sandbox a terminal runs is the only plane there is: nothing to choose from.
                        connect(dev.meridian.app.sandbox.Sandbox.CONTEXT);
                    } else if (planeContext.get().isEmpty()) {
                        connection.set(Connection.NONE);
                        connectionMessage.set("");
                    }
                },
                error -> {
                    if (planeContext.get().isEmpty()) {
                        connection.set(Connection.NONE);
                    }
                    notify.accept(Kind.FAILURE, ErrorDialogs.userMessage(error));
                });
    }

    /** Re-reads the kubeconfig files, e.g. after the user added a context. */
    public void reloadContexts() {
        background.run(
                kubeconfig::listContexts,
                this::setContexts,
                error -> notify.accept(Kind.FAILURE, ErrorDialogs.userMessage(error)));
    }

    private void setContexts(ContextList read) {
        contexts.setAll(read.names());
        kubeContexts.set(read);
        fleet.currentClusterProperty()
                .set(read.current()
                        .flatMap(dev.meridian.app.kubeconfig.ContextNames::clusterOf)
                        .orElse(""));
        read.problems().forEach(p -> notify.accept(Kind.FAILURE, p));
    }

    /** Connects to the management plane of {@code context}, replacing the current one. */
    public void connect(String context) {
        if (context == null
                || context.isBlank()
                || (context.equals(planeContext.get()) && connection.get() == Connection.CONNECTED)) {
            return;
        }
        long gen = generation.incrementAndGet();
        closeSession();
        fleet.clear();
        planeContext.set(context);
        connection.set(Connection.CONNECTING);
        connectionMessage.set("Connecting to " + context + "...");
        background.run(
                () -> connector.open(context, event -> {
                    if (generation.get() == gen) {
                        fleet.offer(event);
                    }
                }),
                opened -> {
                    if (generation.get() != gen) {
                        background.execute(opened::close);
                        return;
                    }
                    session = opened;
                    connection.set(Connection.CONNECTED);
                    probeAll();
                    connectionMessage.set("Connected");
                    updateSettings(settings.get().withPlaneContext(context));
                },
                error -> {
                    if (generation.get() == gen) {
                        connection.set(Connection.FAILED);
                        String message = "Cannot connect to the management plane '" + context + "': "
                                + ErrorDialogs.userMessage(error);
                        connectionMessage.set(message);
                        notify.accept(Kind.FAILURE, message);
                    }
                });
    }

    /** Probes every cluster with the health source; does nothing where health is not offered. */
    public void probeAll() {
        for (ClusterRow row : List.copyOf(fleet.rows())) {
            probe(row);
        }
    }

    /**
     * Probes {@code row} again when its endpoint changes (an install set one, someone edited it): its health was
     * the old route's, and showed "Direct route: None" after an install until Probe now.
     */
    private void reprobeOnNewEndpoint(ClusterRow row) {
        row.infoProperty().addListener((o, was, now) -> {
            if (session != null && was != null && now != null && !was.endpoint().equals(now.endpoint())) {
                probe(row);
            }
        });
    }

    /** Probes one cluster with the health source; does nothing where health is not offered. */
    public void probe(ClusterRow row) {
        if (!health.isOffered()) {
            return;
        }
        PlaneSession current = session;
        background.run(
                () -> current == null ? health.probe(row.info()) : health.probe(current.connection(), row.info()),
                result -> fleet.setHealth(row.name(), result),
                error -> fleet.setHealth(
                        row.name(),
                        new HealthSummary(
                                HealthSummary.Verdict.UNKNOWN,
                                Optional.empty(),
                                Optional.empty(),
                                ErrorDialogs.userMessage(error))));
    }

    /** Saves new settings off the FX thread. */
    public void updateSettings(Settings value) {
        settings.set(value);
        background.execute(() -> {
            try {
                store.save(value);
            } catch (RuntimeException e) {
                javafx.application.Platform.runLater(() -> notify.accept(Kind.FAILURE, e.getMessage()));
            }
        });
    }

    /** Saves settings on the calling thread; for shutdown, when the executor may be gone. */
    public void saveSettingsNow(Settings value) {
        settings.set(value);
        store.save(value);
    }

    /** The fleet service of the connected plane, or null while none is connected. */
    public FleetService fleetService() {
        return session == null ? null : session.fleet();
    }

    /** The connected plane's session, or null. */
    public PlaneSession session() {
        return session;
    }

    private void closeSession() {
        PlaneSession old = session;
        session = null;
        if (old != null) {
            background.execute(old::close);
        }
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        PlaneSession old = session;
        session = null;
        if (old != null) {
            old.close();
        }
    }

    public FleetViewModel fleet() {
        return fleet;
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public ReadOnlyObjectProperty<ContextList> kubeContextsProperty() {
        return kubeContexts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planeContextProperty() {
        return planeContext.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionMessageProperty() {
        return connectionMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public List<java.nio.file.Path> kubeconfigFiles() {
        return kubeconfig.locations().files();
    }
}
