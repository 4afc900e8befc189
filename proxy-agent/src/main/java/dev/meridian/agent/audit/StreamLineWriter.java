package dev.meridian.agent.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lines to a stream the agent does not own, such as standard output; closing only flushes. */
public final class StreamLineWriter implements JsonLinesAuditSink.LineWriter {
    private final BufferedOutputStream out;

    public StreamLineWriter(OutputStream stream) {
        this.out = new BufferedOutputStream(stream, 64 * 1024);
    }

    @Override
    public void writeLine(byte[] line, int length) throws IOException {
        out.write(line, 0, length);
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
