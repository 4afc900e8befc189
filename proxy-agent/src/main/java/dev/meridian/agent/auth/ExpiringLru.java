package dev.meridian.agent.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A bounded map whose entries expire: at most {@code maxEntries}, least recently used evicted
 * first, each entry gone once its own time to live has passed. Thread-safe.
 */
final class ExpiringLru<K, V> {
    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final LongSupplier nanoClock;
    private final Map<K, Entry<V>> entries;

    ExpiringLru(int maxEntries, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The live value under {@code key}, or null (an expired one is dropped). */
    synchronized V get(K key) {
        Entry<V> hit = entries.get(key);
        if (hit == null) {
            return null;
        }
        if (hit.expiresAtNanos - nanoClock.getAsLong() > 0) {
            return hit.value;
        }
        entries.remove(key);
        return null;
    }

    /** Keeps {@code value} for {@code ttlNanos}; a ttl of zero or less keeps nothing. */
    synchronized void put(K key, V value, long ttlNanos) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry<>(value, nanoClock.getAsLong() + ttlNanos));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
