package dev.meridian.agent.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Lines to a stream the agent does not own, such as standard output; closing only flushes. */
public final class StreamLineWriter implements JsonLinesAuditSink.LineWriter {
    private final BufferedWriter out;

    public StreamLineWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void writeLine(String line) throws IOException {
        out.write(line);
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
