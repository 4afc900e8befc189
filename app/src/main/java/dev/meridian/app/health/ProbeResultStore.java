package dev.meridian.app.health;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The last probe result per key (cluster name), with listeners. Thread-safe. */
public final class ProbeResultStore {
    private static final System.Logger LOG = System.getLogger(ProbeResultStore.class.getName());

    private final Map<String, ProbeResult> latest = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ProbeListener> listeners = new CopyOnWriteArrayList<>();

    public Optional<ProbeResult> latest(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** A copy of every latest result, sorted by key. */
    public Map<String, ProbeResult> snapshot() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(latest));
    }

    public void addListener(ProbeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ProbeListener listener) {
        listeners.remove(listener);
    }

    /** Keeps {@code result} as the latest for {@code key} and tells the listeners. */
    public void record(String key, ProbeResult result) {
        ProbeResult previous = latest.put(key, result);
        for (ProbeListener listener : listeners) {
            try {
                listener.onResult(key, previous, result);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "probe listener failed for " + key, e);
            }
        }
    }

    public void remove(String key) {
        if (latest.remove(key) == null) {
            return;
        }
        for (ProbeListener listener : listeners) {
            try {
                listener.onRemoved(key);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "probe listener failed for " + key, e);
            }
        }
    }
}
