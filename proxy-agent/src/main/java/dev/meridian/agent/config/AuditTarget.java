package dev.meridian.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where audit events go. */
public sealed interface AuditTarget {

    /** JSON lines on standard output. */
    record Stdout() implements AuditTarget {}

    /** JSON lines to a file rotated when it reaches {@code maxBytes}, keeping {@code maxBackups} old files. */
    record File(Path path, long maxBytes, int maxBackups) implements AuditTarget {
        public File {
            Objects.requireNonNull(path, "path");
            if (maxBytes < 1024) {
                throw new IllegalArgumentException("audit log size limit must be at least 1024 bytes, got " + maxBytes);
            }
            if (maxBackups < 0) {
                throw new IllegalArgumentException("audit log backups must not be negative, got " + maxBackups);
            }
        }
    }
}
