package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * What the file system says of a file without reading it: which file it is (device and inode), its
 * size, and when its content and its metadata last changed. A kubeconfig whose stamp is unchanged
 * since it was read still holds the bytes read then, so they need not be read again; a stamp is
 * trusted for that only once the file has been still for a while (see {@link #settledAt}), because
 * file times have a granularity and two writes within one tick can leave the same times.
 */
final class FileStamp {
    /** File times on Linux advance by a clock tick (a few milliseconds); this is well above one. */
    private static final long FINE_MARGIN_MILLIS = 50;
    /** Some file systems keep whole seconds (or two); a file changed longer ago than this is still anyway. */
    private static final long COARSE_MARGIN_MILLIS = 3_000;

    private final Object inode;
    private final Object device;
    private final long size;
    private final FileTime modified;
    private final FileTime changed;

    private FileStamp(Object inode, Object device, long size, FileTime modified, FileTime changed) {
        this.inode = inode;
        this.device = device;
        this.size = size;
        this.modified = modified;
        this.changed = changed;
    }

    /** The stamp of {@code file}, or null when it has none (missing, or a platform without Unix file times). */
    static FileStamp of(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:ino,dev,size,lastModifiedTime,ctime");
            return new FileStamp(
                    a.get("ino"),
                    a.get("dev"),
                    ((Number) a.get("size")).longValue(),
                    (FileTime) a.get("lastModifiedTime"),
                    (FileTime) a.get("ctime"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /**
     * Whether, taken at {@code millis} (the wall clock when the file was read), this stamp tells every
     * later change apart: the file's last change is older than a tick of its file system's clock, so a
     * later write gets a later time. Times with a fraction of a second come from a fine clock; whole
     * seconds may come from a coarse one.
     */
    boolean settledAt(long millis) {
        long last = Math.max(modified.toMillis(), changed.toMillis());
        boolean fine =
                modified.toInstant().getNano() != 0 || changed.toInstant().getNano() != 0;
        return last < millis - (fine ? FINE_MARGIN_MILLIS : COARSE_MARGIN_MILLIS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp s
                && size == s.size
                && Objects.equals(inode, s.inode)
                && Objects.equals(device, s.device)
                && modified.equals(s.modified)
                && changed.equals(s.changed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inode, size, modified);
    }
}
