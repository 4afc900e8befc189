package dev.meridian.agent.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events as JSON lines from one background thread, so the event loop only enqueues.
 * When the queue is full (the disk cannot keep up) events are dropped and counted rather
 * than stalling traffic.
 */
public final class JsonLinesAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);
    /** The writer looks for events this often while they arrive... */
    private static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** ...and this often once the queue was found empty, after flushing what it wrote. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int BATCH = 1024;

    /** Where lines end up. Called from the writer thread only. */
    public interface LineWriter extends AutoCloseable {
        /** Writes {@code line[0, length)}, UTF-8 without its line end, and a line end. */
        void writeLine(byte[] line, int length) throws IOException;

        default void writeLine(String line) throws IOException {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            writeLine(bytes, bytes.length);
        }

        void flush() throws IOException;

        @Override
        void close() throws IOException;
    }

    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(65_536);
    private final LineWriter writer;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    public JsonLinesAuditSink(LineWriter writer) {
        this.writer = writer;
        this.thread = new Thread(this::drain, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Enqueues without waking the writer: it polls on its own. Waking a parked thread for every
     * request cost a futex call and a context switch each, a fifth of the agent's CPU in the
     * loopback benchmark; the event is encoded on the writer thread too.
     */
    @Override
    public void record(AuditEvent event) {
        if (!queue.offer(event)) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.error("audit queue full, {} events dropped so far", dropped.get());
            }
        }
    }

    public long droppedEvents() {
        return dropped.get();
    }

    private void drain() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        Utf8Buffer line = new Utf8Buffer(2048);
        boolean unflushed = false;
        try {
            while (true) {
                // Read before draining: whatever was queued before close() is then drained too.
                boolean last = closing;
                queue.drainTo(batch, BATCH);
                if (!batch.isEmpty()) {
                    for (AuditEvent event : batch) {
                        line.reset();
                        AuditJson.append(event, line);
                        write(line);
                    }
                    unflushed = true;
                    if (batch.size() == BATCH) {
                        batch.clear();
                        continue;
                    }
                    batch.clear();
                    LockSupport.parkNanos(this, BUSY_PARK_NANOS);
                    continue;
                }
                if (unflushed) {
                    writer.flush();
                    unflushed = false;
                }
                if (last) {
                    break;
                }
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        } catch (IOException e) {
            LOG.error("audit log write failed: {}", e.getMessage(), e);
        } finally {
            try {
                writer.flush();
                writer.close();
            } catch (IOException e) {
                LOG.error("audit log close failed: {}", e.getMessage(), e);
            }
        }
    }

    private void write(Utf8Buffer line) {
        try {
            writer.writeLine(line.bytes(), line.size());
        } catch (IOException e) {
            LOG.error("audit log write failed, event lost: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
