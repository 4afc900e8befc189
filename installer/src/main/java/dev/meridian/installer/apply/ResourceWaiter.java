package dev.meridian.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Waits for one object to reach a condition by reading it at a fixed interval on the calling
 * thread, so progress is reported there, in order. Polling (one small GET per interval) rather
 * than a watch: it needs no long-lived connection through proxies and load balancers between
 * the admin's machine and the cluster, and every read sees the latest state.
 */
final class ResourceWaiter {

    private final Duration interval;

    ResourceWaiter(Duration interval) {
        this.interval = interval;
    }

    Duration pollInterval() {
        return interval;
    }

    /**
     * Returns the first snapshot that satisfies {@code done}; {@code onSnapshot} sees every
     * snapshot that exists (absent objects are skipped) before it is tested.
     *
     * @throws TimeoutException when {@code deadlineNanos} ({@link System#nanoTime()}) passes first
     */
    <T extends HasMetadata> T await(Resource<T> resource, Predicate<T> done, Consumer<T> onSnapshot, long deadlineNanos)
            throws TimeoutException, InterruptedException {
        while (true) {
            T snapshot = resource.get();
            if (snapshot != null) {
                onSnapshot.accept(snapshot);
                if (done.test(snapshot)) {
                    return snapshot;
                }
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, interval.toNanos()));
        }
    }
}
