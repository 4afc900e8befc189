package dev.meridian.app.tray;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.contexts.Switching;
import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.ui.hooks.DesktopShell;
import dev.meridian.app.ui.hooks.TrayHook;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The system-tray companion of the desktop app: switch kube contexts, see the current cluster's
 * health, probe, open and quit. Where the desktop has no tray it says so once and does nothing.
 */
public final class MeridianTray implements TrayHook {
    /** How often the current cluster is probed in the background, so the icon follows its health. */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(MeridianTray.class.getName());
    private static final AtomicBoolean SAID_NO_TRAY = new AtomicBoolean();

    private final KubeconfigService kubeconfig;
    private final Switching switching;
    private final Supplier<ClusterProber> probers;
    private final TraySettings settings;
    private final Duration probeInterval;

    /** @param probers makes the prober when the tray is installed; the tray closes it */
    public MeridianTray(
            KubeconfigService kubeconfig,
            Supplier<ClusterProber> probers,
            TraySettings settings,
            Duration probeInterval) {
        this(
                kubeconfig,
                new Switching(
                        kubeconfig, new CentralGateways.Memo(kubeconfig, Duration.ofMinutes(1), Clock.systemUTC())),
                probers,
                settings,
                probeInterval);
    }

    /** @param switching switches as the window does, over the same {@code kubeconfig} */
    public MeridianTray(
            KubeconfigService kubeconfig,
            Switching switching,
            Supplier<ClusterProber> probers,
            TraySettings settings,
            Duration probeInterval) {
        this.kubeconfig = kubeconfig;
        this.switching = switching;
        this.probers = probers;
        this.settings = settings;
        this.probeInterval = probeInterval;
    }

    /**
     * The tray of the shipped app: the window's kubeconfig engine (the kubeconfig kubectl reads),
     * settings in {@code configDirectory}.
     */
    public static MeridianTray forDesktop(KubeconfigService kubeconfig, Switching switching, Path configDirectory) {
        return new MeridianTray(
                kubeconfig,
                switching,
                () -> ClusterProber.withProber(Prober.create()),
                new TraySettings(configDirectory),
                DEFAULT_PROBE_INTERVAL);
    }

    /** Whether this desktop can show a tray icon; false when headless or without a tray host. */
    public static boolean isAvailable() {
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    @Override
    public AutoCloseable install(DesktopShell shell) {
        if (!isAvailable()) {
            sayNoTray("this desktop has no system tray" + (GraphicsEnvironment.isHeadless() ? " (headless)" : ""));
            return () -> {};
        }
        ClusterProber prober = probers.get();
        try {
            return TraySession.start(shell, kubeconfig, switching, prober, settings, probeInterval);
        } catch (java.awt.AWTException | RuntimeException e) {
            sayNoTray("the tray icon could not be added: " + e.getMessage());
            prober.close();
            return () -> {};
        }
    }

    private static void sayNoTray(String why) {
        if (SAID_NO_TRAY.compareAndSet(false, true)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Meridian runs without a tray icon: " + why + ". Closing the main window quits the app.");
        }
    }
}
