package dev.meridian.agent.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to {@code path}; when it would pass {@code maxBytes} it becomes {@code path.1}
 * (older backups shift up, the oldest beyond {@code maxBackups} is deleted) and a new file starts.
 */
public final class RotatingFileLineWriter implements JsonLinesAuditSink.LineWriter {
    private final Path path;
    private final long maxBytes;
    private final int maxBackups;
    private BufferedOutputStream out;
    private long size;

    public RotatingFileLineWriter(Path path, long maxBytes, int maxBackups) throws IOException {
        this.path = path;
        this.maxBytes = maxBytes;
        this.maxBackups = maxBackups;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    private void open() throws IOException {
        // 64 KiB rather than the default 8 KiB: a busy agent writes about a hundred lines per system call.
        out = new BufferedOutputStream(
                Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024);
        size = Files.size(path);
    }

    @Override
    public void writeLine(byte[] line, int length) throws IOException {
        if (size > 0 && size + length + 1 > maxBytes) {
            rotate();
        }
        out.write(line, 0, length);
        out.write('\n');
        size += length + 1L;
    }

    private void rotate() throws IOException {
        out.close();
        if (maxBackups == 0) {
            Files.delete(path);
        } else {
            Files.deleteIfExists(backup(maxBackups));
            for (int i = maxBackups - 1; i >= 1; i--) {
                if (Files.exists(backup(i))) {
                    Files.move(backup(i), backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, backup(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path backup(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
