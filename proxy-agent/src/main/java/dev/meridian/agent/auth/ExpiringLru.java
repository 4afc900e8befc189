package dev.meridian.agent.auth;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * A bounded map whose entries expire: at most {@code maxEntries}, each entry gone once its own
 * time to live has passed. When full, an expired entry makes room first, wherever it stands in
 * the use order; only when none has expired is the least recently used one evicted, so entries
 * that are dead anyway never push out live ones. Thread-safe; every operation is O(log n).
 */
final class ExpiringLru<K, V> {
    /** {@code deadline} counts from {@code origin}, so ordering by it is safe from nanoTime's arbitrary origin. */
    private record Entry<K, V>(K key, V value, long deadline, long sequence) {}

    private static final Comparator<Entry<?, ?>> BY_DEADLINE =
            Comparator.<Entry<?, ?>>comparingLong(Entry::deadline).thenComparingLong(Entry::sequence);

    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final long origin;
    private final Map<K, Entry<K, V>> byUse = new LinkedHashMap<>(256, 0.75f, true);
    private final TreeSet<Entry<?, ?>> byDeadline = new TreeSet<>(BY_DEADLINE);
    private long sequence;

    ExpiringLru(int maxEntries, LongSupplier nanoClock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("an expiring cache holds at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.origin = nanoClock.getAsLong();
    }

    /** The live value under {@code key}, or null (an expired one is dropped). */
    synchronized V get(K key) {
        Entry<K, V> hit = byUse.get(key);
        if (hit == null) {
            return null;
        }
        if (hit.deadline() > now()) {
            return hit.value();
        }
        remove(hit);
        return null;
    }

    /** Keeps {@code value} for {@code ttlNanos}; a ttl of zero or less keeps nothing. */
    synchronized void put(K key, V value, long ttlNanos) {
        if (ttlNanos <= 0) {
            return;
        }
        Entry<K, V> old = byUse.remove(key);
        if (old != null) {
            byDeadline.remove(old);
        }
        long now = now();
        if (byUse.size() >= maxEntries) {
            evictOne(now);
        }
        Entry<K, V> entry = new Entry<>(key, value, now + ttlNanos, sequence++);
        byUse.put(key, entry);
        byDeadline.add(entry);
    }

    synchronized int size() {
        return byUse.size();
    }

    private void evictOne(long now) {
        Entry<?, ?> soonest = byDeadline.first();
        if (soonest.deadline() <= now) {
            remove(soonest);
            return;
        }
        Iterator<Entry<K, V>> eldest = byUse.values().iterator();
        Entry<K, V> victim = eldest.next();
        eldest.remove();
        byDeadline.remove(victim);
    }

    private void remove(Entry<?, ?> entry) {
        byUse.remove(entry.key());
        byDeadline.remove(entry);
    }

    private long now() {
        return nanoClock.getAsLong() - origin;
    }
}
