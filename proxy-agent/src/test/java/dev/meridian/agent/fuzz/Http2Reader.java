package dev.meridian.agent.fuzz;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an agent's HTTP/2 frames on a thread of its own: answers per stream (final status,
 * whether the stream ended or was reset), GOAWAY, and the DATA bytes for text waits. Acknowledges
 * SETTINGS and PING, as a client must; headers are decoded with Netty's HPACK decoder, which
 * keeps the agent's compression state.
 */
final class Http2Reader {
    private final OutputStream out;
    private final DefaultHttp2HeadersDecoder hpack = new DefaultHttp2HeadersDecoder(false);
    private final Map<Integer, Outcome.Answer> answers = new TreeMap<>();
    private final Map<Integer, Boolean> finished = new TreeMap<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private long lastActivity = System.nanoTime();
    private boolean goaway;
    private boolean ended;
    private boolean leaving;
    private String error = "";

    Http2Reader(OutputStream out) {
        this.out = out;
    }

    void readAll(InputStream raw) {
        DataInputStream in = new DataInputStream(raw);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int blockStream = 0;
        boolean blockEnds = false;
        try {
            while (true) {
                byte[] h = new byte[9];
                in.readFully(h);
                int length = ((h[0] & 0xff) << 16) | ((h[1] & 0xff) << 8) | (h[2] & 0xff);
                int type = h[3] & 0xff;
                int flags = h[4] & 0xff;
                int stream = ((h[5] & 0x7f) << 24) | ((h[6] & 0xff) << 16) | ((h[7] & 0xff) << 8) | (h[8] & 0xff);
                byte[] payload = new byte[length];
                in.readFully(payload);
                if (type == Http2Wire.HEADERS) {
                    block.reset();
                    block.writeBytes(headerFragment(payload, flags));
                    blockStream = stream;
                    blockEnds = (flags & Http2Wire.END_STREAM) != 0;
                } else if (type == Http2Wire.CONTINUATION) {
                    block.writeBytes(payload);
                }
                synchronized (this) {
                    lastActivity = System.nanoTime();
                    if ((type == Http2Wire.HEADERS || type == Http2Wire.CONTINUATION)
                            && (flags & Http2Wire.END_HEADERS) != 0) {
                        headers(
                                blockStream,
                                hpack.decodeHeaders(blockStream, Unpooled.wrappedBuffer(block.toByteArray())),
                                blockEnds);
                    } else if (type == Http2Wire.DATA) {
                        data.writeBytes(payload);
                        if ((flags & Http2Wire.END_STREAM) != 0) {
                            finished.put(stream, true);
                        }
                    } else if (type == Http2Wire.RST_STREAM) {
                        finished.put(stream, false);
                    } else if (type == Http2Wire.GOAWAY) {
                        goaway = true;
                    } else if (type == Http2Wire.SETTINGS && (flags & Http2Wire.ACK) == 0) {
                        write(Http2Wire.frame(Http2Wire.SETTINGS, Http2Wire.ACK, 0, new byte[0]));
                    } else if (type == Http2Wire.PING && (flags & Http2Wire.ACK) == 0) {
                        write(Http2Wire.frame(Http2Wire.PING, Http2Wire.ACK, 0, payload));
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                error = e instanceof java.io.EOFException || leaving ? "" : "reading failed: " + e;
            }
        } catch (io.netty.handler.codec.http2.Http2Exception e) {
            synchronized (this) {
                error = "cannot decode the agent's headers: " + e.getMessage();
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private static byte[] headerFragment(byte[] payload, int flags) {
        int from = 0;
        int to = payload.length;
        if ((flags & Http2Wire.PADDED) != 0) {
            to -= payload[0] & 0xff;
            from++;
        }
        if ((flags & Http2Wire.PRIORITY_FLAG) != 0) {
            from += 5;
        }
        return java.util.Arrays.copyOfRange(payload, from, Math.max(from, to));
    }

    private void headers(int stream, Http2Headers headers, boolean endStream) {
        CharSequence status = headers.status();
        int code = status == null ? -1 : Integer.parseInt(status.toString());
        if (code >= 200 || code == -1) {
            answers.putIfAbsent(stream, new Outcome.Answer(code, headers.contains("access-control-allow-origin")));
        }
        if (endStream) {
            finished.put(stream, true);
        }
    }

    /** Writes from this thread share the connection with the client's: one at a time. */
    private void write(byte[] frame) throws IOException {
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    /** The client is about to close the connection: what reading says after this is no finding. */
    synchronized void leaving() {
        leaving = true;
    }

    synchronized void touched() {
        lastActivity = System.nanoTime();
    }

    /** Waits until {@code streams} streams have finished, the connection ended, or silence; true if all finished. */
    synchronized boolean awaitStreams(int streams, long silenceMillis, long capMillis) throws InterruptedException {
        long cap = System.nanoTime() + capMillis * 1_000_000;
        while (!ended && finished.size() < streams) {
            long now = System.nanoTime();
            long quietUntil = silenceMillis < 0 ? Long.MAX_VALUE : lastActivity + silenceMillis * 1_000_000;
            if (now >= quietUntil || now >= cap) {
                break;
            }
            wait(Math.max(1, (Math.min(quietUntil, cap) - now) / 1_000_000));
        }
        return finished.size() >= streams;
    }

    synchronized boolean awaitText(String text, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!data.toString(StandardCharsets.ISO_8859_1).contains(text) && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return data.toString(StandardCharsets.ISO_8859_1).contains(text);
    }

    synchronized List<Outcome.Answer> answers() {
        return new ArrayList<>(answers.values());
    }

    /** Streams that ended with END_STREAM (reset ones excluded). */
    synchronized long endedNormally() {
        return finished.values().stream().filter(b -> b).count();
    }

    synchronized boolean goaway() {
        return goaway;
    }

    synchronized String error() {
        return error;
    }
}
