package dev.meridian.app.tray;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.Switching;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary.Verdict;
import dev.meridian.app.kubeconfig.ContextNames;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.MeridianContext;
import dev.meridian.app.kubeconfig.Route;
import dev.meridian.app.kubeconfig.SwitchOutcome;
import dev.meridian.app.tray.TraySession.Snapshot;
import dev.meridian.app.tray.TrayState.TrayCluster;
import java.awt.TrayIcon.MessageType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What the tray does, off the UI threads: every public method only queues work on one worker
 * thread, so switches and refreshes never overlap; probes run on their own pool.
 */
final class TrayWork implements AutoCloseable {

    /** Where results go; implementations hand them to the AWT event thread. */
    interface View {
        /** @param before the menu shown until now, or null on the first call and after an action */
        void show(TrayMenu menu, TrayMenu before);

        void message(MessageType type, String text);
    }

    private final KubeconfigService kubeconfig;
    private final Switching switching;
    private final ClusterProber prober;
    private final TraySettings settings;
    private final View view;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(r -> TraySession.daemon(r, "meridian-tray"));
    private final ExecutorService probes =
            Executors.newFixedThreadPool(4, r -> TraySession.daemon(r, "meridian-tray-probe"));
    private final Map<String, Verdict> health = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile Snapshot snapshot = new Snapshot("", List.of());
    private TrayMenu shown;

    TrayWork(KubeconfigService kubeconfig, ClusterProber prober, TraySettings settings, View view) {
        this(
                kubeconfig,
                new Switching(
                        kubeconfig, new CentralGateways.Memo(kubeconfig, Duration.ofMinutes(1), Clock.systemUTC())),
                prober,
                settings,
                view);
    }

    /** @param switching switches as the CLI and the window do; over the same {@code kubeconfig} */
    TrayWork(
            KubeconfigService kubeconfig, Switching switching, ClusterProber prober, TraySettings settings, View view) {
        this.kubeconfig = kubeconfig;
        this.switching = switching;
        this.prober = prober;
        this.settings = settings;
        this.view = view;
    }

    /** The latest verdict per cluster, from the app's probes and the tray's own. */
    Map<String, Verdict> health() {
        return health;
    }

    void setSnapshot(Snapshot value) {
        snapshot = value;
    }

    /**
     * Re-reads the kubeconfig and shows the menu if anything changed, or always when {@code force}.
     * Unforced refreshes asked for while one waits are one refresh: watch events can come in bursts.
     */
    void refresh(boolean force) {
        if (force) {
            worker.execute(() -> doRefresh(true));
        } else if (refreshQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                refreshQueued.set(false);
                doRefresh(false);
            });
        }
    }

    /** Switches to a cluster, or to a space in it, exactly as {@code meridian cluster|space use} does. */
    void use(String cluster, String space) {
        worker.execute(() -> {
            try {
                Snapshot now = snapshot;
                ClusterInfo info = now.find(cluster)
                        .orElseThrow(
                                () -> new IllegalStateException("cluster '" + cluster + "' is no longer connected"));
                Switching.Switched switched = switching.use(
                        plane(now), info, space, space == null ? Switching.SpaceMode.NONE : Switching.SpaceMode.USE);
                view.message(
                        MessageType.INFO,
                        "Switched to " + switched.contextName()
                                + (switched.route() == Route.DIRECT ? " (direct endpoint)." : " (central route)."));
            } catch (RuntimeException e) {
                view.message(MessageType.ERROR, "Could not switch to " + cluster + ": " + e.getMessage());
            }
            doRefresh(true);
        });
    }

    void back() {
        worker.execute(() -> {
            try {
                SwitchOutcome outcome = kubeconfig.switchBack();
                if (outcome instanceof SwitchOutcome.Switched switched) {
                    view.message(MessageType.INFO, "Switched back to " + switched.context() + ".");
                } else if (outcome instanceof SwitchOutcome.NoSuchContext missing) {
                    view.message(
                            MessageType.WARNING, "The previous context " + missing.context() + " no longer exists.");
                } else {
                    view.message(MessageType.WARNING, "There is no previous context to go back to.");
                }
            } catch (RuntimeException e) {
                view.message(MessageType.ERROR, "Could not switch back: " + e.getMessage());
            }
            doRefresh(true);
        });
    }

    void probeAll() {
        worker.execute(() -> snapshot.clusters().forEach(this::probe));
    }

    /** Probes the cluster of the current context, if it is one of Meridian's, and clusters not probed yet. */
    void probeCurrentAndNew() {
        worker.execute(() -> {
            Optional<String> current = currentContext().flatMap(ContextNames::clusterOf);
            snapshot.clusters().stream()
                    .filter(c -> current.filter(c.name()::equals).isPresent() || !health.containsKey(c.name()))
                    .forEach(this::probe);
        });
    }

    void toggleKeepRunning(Consumer<Boolean> applied) {
        worker.execute(() -> {
            try {
                boolean keep = !settings.keepRunning();
                settings.setKeepRunning(keep);
                applied.accept(keep);
            } catch (RuntimeException e) {
                view.message(MessageType.ERROR, e.getMessage());
            }
            doRefresh(true);
        });
    }

    private void probe(ClusterInfo cluster) {
        Snapshot at = snapshot;
        CompletableFuture.supplyAsync(() -> prober.probe(cluster, switching.access(plane(at))), probes)
                .exceptionally(e -> Verdict.UNKNOWN)
                .thenAccept(verdict -> {
                    health.put(cluster.name(), verdict);
                    refresh(false);
                });
    }

    /** The management context of the plane the window is connected to. */
    private static String plane(Snapshot at) {
        if (at.plane().isEmpty()) {
            throw new IllegalStateException("no management plane is connected");
        }
        return at.plane();
    }

    private Optional<String> currentContext() {
        try {
            return kubeconfig.currentContext();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void doRefresh(boolean force) {
        TrayMenu menu;
        try {
            menu = TrayMenuModel.build(state());
        } catch (RuntimeException e) {
            // An unreadable kubeconfig: keep the menu, the app window says what is wrong.
            return;
        }
        TrayMenu before = shown;
        shown = menu;
        if (force || !menu.equals(before)) {
            view.show(menu, before);
        }
    }

    private TrayState state() {
        Snapshot now = snapshot;
        Map<String, List<String>> spaces = new TreeMap<>();
        for (MeridianContext context : kubeconfig.meridianContexts()) {
            context.spaceName()
                    .ifPresent(space -> spaces.computeIfAbsent(context.cluster(), c -> new ArrayList<>())
                            .add(space));
        }
        List<TrayCluster> clusters = now.clusters().stream()
                .map(c -> new TrayCluster(
                        c.name(),
                        c.title(),
                        c.isDirect() ? Route.DIRECT : Route.CENTRAL,
                        health.getOrDefault(c.name(), Verdict.UNKNOWN),
                        spaces.getOrDefault(c.name(), List.of()).stream()
                                .sorted()
                                .distinct()
                                .toList()))
                .toList();
        return new TrayState(
                Optional.of(now.plane()).filter(p -> !p.isEmpty()),
                clusters,
                kubeconfig.currentContext(),
                kubeconfig.previousContext().isPresent(),
                settings.keepRunning());
    }

    @Override
    public void close() {
        worker.shutdownNow();
        probes.shutdownNow();
        prober.close();
    }
}
