package dev.meridian.app.tray;

import dev.meridian.app.contexts.Switching;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.health.HealthSummary.Verdict;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.tray.TrayMenu.Command;
import dev.meridian.app.ui.hooks.DesktopShell;
import dev.meridian.app.ui.hooks.FleetSnapshot;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;

/**
 * A tray icon installed for one run of the app. Three threads: the FX thread reads the shell, one
 * worker thread does the kubeconfig I/O and switching, the AWT event thread renders; probes run
 * on their own pool.
 */
final class TraySession implements AutoCloseable {
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration INITIAL_PROBE = Duration.ofSeconds(3);

    /** What the tray last read from the shell on the FX thread. */
    record Snapshot(String plane, List<ClusterInfo> clusters) {
        Optional<ClusterInfo> find(String name) {
            return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    private final DesktopShell shell;
    private final TrayWork work;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "meridian-tray-timer"));
    private final Map<String, HealthSummary> seenRowHealth = new HashMap<>();
    private String lastPlane = "";
    private final InvalidationListener onFleet = o -> takeSnapshot();
    private final PopupMenu popup = new PopupMenu();
    private final TrayIcon icon;

    private TraySession(DesktopShell shell, TrayWork work) {
        this.shell = shell;
        this.work = work;
        this.icon = new TrayIcon(TrayIcons.load(Verdict.UNKNOWN, 24), "Meridian", popup);
        icon.setImageAutoSize(true);
    }

    /** Adds the icon and starts following the shell. FX thread. */
    static TraySession start(
            DesktopShell shell,
            KubeconfigService kubeconfig,
            Switching switching,
            ClusterProber prober,
            TraySettings settings,
            Duration probeInterval)
            throws AWTException {
        Platform.setImplicitExit(!settings.keepRunning());
        TraySession[] self = new TraySession[1];
        TrayWork work = new TrayWork(kubeconfig, switching, prober, settings, new TrayWork.View() {
            @Override
            public void show(TrayMenu menu, TrayMenu before) {
                EventQueue.invokeLater(() -> self[0].render(menu, before));
            }

            @Override
            public void message(TrayIcon.MessageType type, String text) {
                EventQueue.invokeLater(() -> self[0].icon.displayMessage("Meridian", text, type));
            }
        });
        self[0] = new TraySession(shell, work);
        self[0].install(probeInterval);
        return self[0];
    }

    private void install(Duration probeInterval) throws AWTException {
        SystemTray.getSystemTray().add(icon);
        icon.addActionListener(e -> Platform.runLater(shell::showMainWindow));
        shell.fleetProperty().addListener(onFleet);
        takeSnapshot();
        // Follows switches made outside the app, e.g. with kubectl.
        ticker.scheduleWithFixedDelay(
                () -> work.refresh(false), REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        // The icon follows the current cluster's health; new clusters get their mark soon after they appear.
        ticker.scheduleWithFixedDelay(
                work::probeCurrentAndNew, INITIAL_PROBE.toMillis(), probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** FX thread: copies the clusters and any health the app probed since the last look. */
    private void takeSnapshot() {
        FleetSnapshot fleet = shell.fleetProperty().get();
        String plane = fleet.plane();
        if (!plane.equals(lastPlane)) {
            // Another plane's clusters: what was known about the previous plane's ones does not apply.
            seenRowHealth.clear();
            work.health().clear();
            lastPlane = plane;
        }
        List<ClusterInfo> clusters = new ArrayList<>();
        for (FleetSnapshot.Cluster row : fleet.clusters()) {
            clusters.add(row.info());
            // Unknown is what the app shows before its first probe: it does not replace the tray's own result.
            if (!row.health().equals(seenRowHealth.put(row.name(), row.health()))
                    && row.health().verdict() != Verdict.UNKNOWN) {
                work.health().put(row.name(), row.health().verdict());
            }
        }
        clusters.sort(Comparator.comparing(ClusterInfo::name));
        work.setSnapshot(new Snapshot(plane, clusters));
        work.refresh(false);
    }

    /** AWT event thread. */
    private void render(TrayMenu menu, TrayMenu before) {
        AwtTrayMenu.render(menu, popup, new AwtTrayMenu.Handler() {
            @Override
            public void choose(TrayMenu.Choice choice) {
                work.use(choice.cluster(), choice.space());
            }

            @Override
            public void run(Command command) {
                act(command);
            }
        });
        icon.setToolTip(menu.tooltip());
        if (before == null || before.iconHealth() != menu.iconHealth()) {
            icon.setImage(TrayIcons.load(menu.iconHealth(), icon.getSize().height));
        }
        TrayMenuModel.healthChange(before, menu)
                .ifPresent(text -> icon.displayMessage(
                        "Meridian",
                        text,
                        menu.iconHealth() == Verdict.UP ? TrayIcon.MessageType.INFO : TrayIcon.MessageType.WARNING));
    }

    private void act(Command command) {
        switch (command) {
            case BACK -> work.back();
            case PROBE_ALL -> work.probeAll();
            case KEEP_RUNNING ->
                work.toggleKeepRunning(keep -> Platform.runLater(() -> Platform.setImplicitExit(!keep)));
            case OPEN -> Platform.runLater(shell::showMainWindow);
            case QUIT -> Platform.runLater(shell::quit);
        }
    }

    /** Removes the icon so AWT lets the JVM exit, and stops the threads. */
    @Override
    public void close() {
        shell.fleetProperty().removeListener(onFleet);
        ticker.shutdownNow();
        SystemTray.getSystemTray().remove(icon);
        work.close();
    }

    static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
