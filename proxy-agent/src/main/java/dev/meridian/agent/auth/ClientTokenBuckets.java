package dev.meridian.agent.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code burst} reviews at once, then {@code perSecond}. An
 * IPv6 client is limited by its /64, since one host usually holds all of it. At most
 * {@code maxClients} buckets are kept: a new client takes the place of the least recently seen
 * one once that one's bucket has refilled (it then behaves as a new client would). While every
 * kept client is still being limited, new clients share one overflow bucket, so a flood from
 * many addresses neither grows the table nor gets fresh credit for each address.
 * Thread-safe; each call is O(1) under a short lock and never blocks otherwise.
 */
public final class ClientTokenBuckets implements ReviewRateLimiter {
    public static final int DEFAULT_MAX_CLIENTS = 10_000;

    /**
     * A bucket kept as one instant, {@code due} (the generic cell rate algorithm's theoretical
     * arrival time): when the reviews taken so far will have been paid for at the rate. A review
     * is allowed while {@code due} is at most {@code burst - 1} intervals ahead; a {@code due} in
     * the past is a full bucket. Whole nanoseconds, so no fraction of a review is ever rounded.
     */
    private static final class Bucket {
        long due;

        Bucket(long due) {
            this.due = due;
        }
    }

    private final long interval;
    private final long tolerance;
    private final int maxClients;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);
    private final Bucket overflow;

    public ClientTokenBuckets(double perSecond, int burst, int maxClients, LongSupplier nanoClock) {
        if (!(perSecond >= 1e-6) || Double.isInfinite(perSecond) || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("a review rate limit needs a rate of at least one per million seconds, "
                    + "a positive burst and client count, got " + perSecond + "/s, burst " + burst + ", "
                    + maxClients + " clients");
        }
        this.interval = Math.max(1, Math.round(1e9 / perSecond));
        this.tolerance = Math.multiplyExact(interval, burst - 1L);
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
        this.overflow = new Bucket(nanoClock.getAsLong());
    }

    @Override
    public long tryAcquire(String clientAddress) {
        String key = clientKey(clientAddress);
        synchronized (this) {
            long now = nanoClock.getAsLong();
            Bucket bucket = bucketOf(key, now);
            long early = bucket.due - now - tolerance;
            if (early > 0) {
                return early;
            }
            bucket.due = (bucket.due - now < 0 ? now : bucket.due) + interval;
            return 0;
        }
    }

    /** Clients kept apart, the overflow bucket not counted. */
    public synchronized int clients() {
        return buckets.size();
    }

    private Bucket bucketOf(String key, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxClients) {
            Iterator<Bucket> byAge = buckets.values().iterator();
            if (byAge.next().due - now > 0) {
                return overflow;
            }
            byAge.remove();
        }
        bucket = new Bucket(now);
        buckets.put(key, bucket);
        return bucket;
    }

    /** The address itself, or for IPv6 its /64 prefix. */
    static String clientKey(String address) {
        int scope = address.indexOf('%');
        String literal = scope < 0 ? address : address.substring(0, scope);
        if (literal.indexOf(':') < 0 || !literal.chars().allMatch(ClientTokenBuckets::isLiteralChar)) {
            return address;
        }
        try {
            // Hex digits, dots and colons only: InetAddress parses it as an IPv6 literal, with no DNS lookup.
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            // An IPv4-mapped address comes back as the IPv4 address it maps: the same client.
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean isLiteralChar(int c) {
        return c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
