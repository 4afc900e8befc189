package dev.meridian.app.sandbox.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every change written through the front, kept for a while and handed to the watches that
 * want it. A watch that starts from a resource version gets the kept changes after it first,
 * as the API server's watch cache does; one older than what is kept is told it expired (410).
 */
final class WatchHub {
    static final int KEPT = 4096;

    /** What a watch selects: one resource type, maybe one namespace, one name, some labels. */
    record Filter(String resourceKey, String namespace, String name, Predicate<Map<String, String>> labels) {
        boolean matches(WatchEvent event) {
            return event.resourceKey().equals(resourceKey)
                    && (namespace == null || namespace.equals(event.namespace()))
                    && (name == null || name.equals(event.name()))
                    && labels.test(event.labels());
        }
    }

    /** A watch's place in the hub; closing it stops its deliveries. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** The watch asked for changes older than the hub keeps. */
    static final class Expired extends Exception {
        Expired(long asked, long oldest) {
            super("too old resource version: " + asked + " (" + oldest + ")");
        }
    }

    private record Watcher(Filter filter, Consumer<WatchEvent> sink) {}

    private final Deque<WatchEvent> kept = new ArrayDeque<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private long forgottenUpTo;
    private Runnable onPublish = () -> {};

    /** Something to run after every change (the snapshot's save). */
    synchronized void onPublish(Runnable action) {
        this.onPublish = action;
    }

    synchronized void publish(WatchEvent event) {
        onPublish.run();
        kept.addLast(event);
        while (kept.size() > KEPT) {
            forgottenUpTo = kept.removeFirst().resourceVersion();
        }
        for (Watcher watcher : List.copyOf(watchers)) {
            if (watcher.filter().matches(event)) {
                watcher.sink().accept(event);
            }
        }
    }

    /** Replays the kept changes after {@code since} to the sink, then delivers new ones as they come. */
    synchronized Subscription subscribe(Filter filter, long since, Consumer<WatchEvent> sink) throws Expired {
        if (since < forgottenUpTo) {
            throw new Expired(since, forgottenUpTo);
        }
        for (WatchEvent event : kept) {
            if (event.resourceVersion() > since && filter.matches(event)) {
                sink.accept(event);
            }
        }
        Watcher watcher = new Watcher(filter, sink);
        watchers.add(watcher);
        return () -> {
            synchronized (WatchHub.this) {
                watchers.remove(watcher);
            }
        };
    }

    synchronized int watching() {
        return watchers.size();
    }
}
