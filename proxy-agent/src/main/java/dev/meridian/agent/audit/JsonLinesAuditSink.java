package dev.meridian.agent.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes events as JSON lines from one background thread, so the event loop only enqueues.
 * When the queue is full (the disk cannot keep up) events are dropped and counted rather
 * than stalling traffic.
 */
public final class JsonLinesAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);
    private static final String POISON = "";

    /** Where lines end up. Called from the writer thread only. */
    public interface LineWriter extends AutoCloseable {
        void writeLine(String line) throws IOException;

        void flush() throws IOException;

        @Override
        void close() throws IOException;
    }

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(65_536);
    private final LineWriter writer;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();

    public JsonLinesAuditSink(LineWriter writer) {
        this.writer = writer;
        this.thread = new Thread(this::drain, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void record(AuditEvent event) {
        if (!queue.offer(event.toJson().encode())) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.error("audit queue full, {} events dropped so far", dropped.get());
            }
        }
    }

    public long droppedEvents() {
        return dropped.get();
    }

    private void drain() {
        try {
            while (true) {
                // Lines are batched in the writer's buffer and flushed once the queue has been
                // idle for 100 ms, so a busy agent does not pay one write call per request.
                String line = queue.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    writer.flush();
                    continue;
                }
                if (line == POISON) {
                    break;
                }
                write(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private void write(String line) {
        try {
            writer.writeLine(line);
        } catch (IOException e) {
            LOG.error("audit log write failed, event lost: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            queue.put(POISON);
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
