package dev.meridian.app.health;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Probes watched endpoints periodically and keeps the last result per key in a {@link ProbeResultStore}.
 * A newly watched endpoint is probed at once; then every {@link MonitorSettings#interval()} with jitter,
 * backing off exponentially while it is Down. Probes of one key never overlap; probes run on the
 * prober's bounded pool, timing on one scheduler thread.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());

    private final Prober prober;
    private final MonitorSettings settings;
    private final ProbeResultStore store;
    private final DoubleSupplier random;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    /** @param random uniform in [0, 1), used for jitter */
    public HealthMonitor(Prober prober, MonitorSettings settings, ProbeResultStore store, DoubleSupplier random) {
        this.prober = prober;
        this.settings = settings;
        this.store = store;
        this.random = random;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "meridian-health-monitor");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
    }

    public static HealthMonitor create(Prober prober, MonitorSettings settings) {
        return new HealthMonitor(
                prober,
                settings,
                new ProbeResultStore(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public ProbeResultStore results() {
        return store;
    }

    public Set<String> watchedKeys() {
        return Set.copyOf(watches.keySet());
    }

    /** Starts (or restarts, with a new target) probing {@code key}; the first probe starts at once. */
    public void watch(String key, ProbeTarget target) {
        Watch watch = new Watch(key, target);
        Watch previous = watches.put(key, watch);
        if (previous != null) {
            previous.stop();
        }
        watch.scheduleIn(Duration.ZERO);
    }

    /** Stops probing {@code key} and drops its result. */
    public void unwatch(String key) {
        Watch watch = watches.remove(key);
        if (watch != null) {
            watch.stop();
            store.remove(key);
        }
    }

    /**
     * Probes {@code key} now instead of at its next scheduled time (a "refresh" button).
     *
     * @return false when the key is not watched
     */
    public boolean probeNow(String key) {
        Watch watch = watches.get(key);
        if (watch == null) {
            return false;
        }
        watch.scheduleIn(Duration.ZERO);
        return true;
    }

    @Override
    public void close() {
        watches.values().forEach(Watch::stop);
        watches.clear();
        scheduler.shutdownNow();
    }

    private final class Watch {
        private final String key;
        private final ProbeTarget target;
        private int consecutiveDown;
        private ScheduledFuture<?> next;
        private boolean inFlight;
        private boolean stopped;

        Watch(String key, ProbeTarget target) {
            this.key = key;
            this.target = target;
        }

        synchronized void scheduleIn(Duration delay) {
            if (stopped || inFlight) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            try {
                next = scheduler.schedule(this::launch, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                stopped = true; // the monitor is closing
            }
        }

        private synchronized void launch() {
            if (stopped || inFlight) {
                return;
            }
            inFlight = true;
            next = null;
            try {
                prober.submit(target).whenComplete(this::finished);
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "prober closed; stop watching " + key);
                stopped = true;
            }
        }

        private synchronized void finished(ProbeResult result, Throwable error) {
            inFlight = false;
            if (stopped) {
                return;
            }
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "probe of " + key + " failed unexpectedly", error);
                consecutiveDown++;
            } else {
                consecutiveDown = result.verdict().isDown() ? consecutiveDown + 1 : 0;
                store.record(key, result);
            }
            scheduleIn(settings.nextDelay(consecutiveDown, random.getAsDouble()));
        }

        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
