package dev.meridian.agent.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes an agent sent on one connection, read on a thread of their own until the connection
 * ends, so the client can write and wait at once: for a text, for the end, or for silence.
 */
final class Received {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long lastActivity = System.nanoTime();
    private boolean ended;
    private String error = "";

    /** Reads {@code in} to its end (or error); run on a thread of its own. */
    void readAll(InputStream in) {
        byte[] buf = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (this) {
                    bytes.write(buf, 0, n);
                    lastActivity = System.nanoTime();
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                error = e.getClass().getSimpleName();
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The client did something: silence is counted from now. */
    synchronized void touched() {
        lastActivity = System.nanoTime();
    }

    synchronized boolean awaitText(String text, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!bytes.toString(StandardCharsets.ISO_8859_1).contains(text) && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return bytes.toString(StandardCharsets.ISO_8859_1).contains(text);
    }

    /** Waits for the end of the connection, at most {@code timeoutMillis}. */
    synchronized boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits for the end, or until nothing came for {@code silenceMillis}, at most {@code capMillis}. */
    synchronized void awaitEndOrSilence(long silenceMillis, long capMillis) throws InterruptedException {
        long cap = System.nanoTime() + capMillis * 1_000_000;
        while (!ended) {
            long now = System.nanoTime();
            long quietUntil = lastActivity + silenceMillis * 1_000_000;
            if (now >= quietUntil || now >= cap) {
                return;
            }
            wait(Math.max(1, (Math.min(quietUntil, cap) - now) / 1_000_000));
        }
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized String error() {
        return error;
    }
}
