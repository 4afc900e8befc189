package dev.meridian.app.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs service calls off the FX thread. Results and failures come back on the FX thread through the
 * task's onSucceeded/onFailed handlers, so callers may touch the UI in them.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor;

    public Background() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "meridian-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(4, threads);
    }

    /**
     * Runs {@code work} on the executor.
     *
     * @param onSuccess called on the FX thread with the result
     * @param onFailure called on the FX thread with what {@code work} threw
     */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return task;
    }

    /** For fire-and-forget work with no result for the UI, such as closing a client. */
    public void execute(Runnable work) {
        executor.execute(work);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
