package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces a file so that readers (and a crash at any point) see either the old or the new
 * content, never a mix: write a temporary file in the same folder, fsync it, rename it over
 * the target, fsync the folder. New files get mode 0600 (kubeconfigs hold credentials).
 */
final class AtomicFileWriter {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Fails unless {@code file} can be replaced: not a directory, not read-only, folder exists. */
    void checkWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new KubeconfigException.Unwritable(
                    "cannot write kubeconfig " + file + ": it is a directory", file, null);
        }
        Path folder = target(file).getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new KubeconfigException.Unwritable(
                    "cannot write kubeconfig " + file + ": folder " + folder + " does not exist; create it first",
                    file,
                    null);
        }
        if (Files.exists(file) && isReadOnly(file)) {
            throw new KubeconfigException.Unwritable(
                    "kubeconfig " + file + " is read-only; make it writable (chmod u+w) or choose another "
                            + "file with --kubeconfig",
                    file,
                    null);
        }
    }

    /**
     * Makes {@code backup} hold the current content of {@code file}, atomically. The backup is a
     * hard link to the file's current inode, which a later {@link #write} never modifies (it
     * renames a new inode into place), so no data is copied; where links are not supported
     * the content is copied.
     */
    void backup(Path file, byte[] currentContent, Path backup) {
        Path target = target(file);
        Path temp = target.resolveSibling("." + target.getFileName() + ".meridian-bak-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createLink(temp, target);
            Files.move(temp, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            write(backup, currentContent);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // hidden and named as ours
            }
        }
    }

    /** Atomically replaces (or creates) {@code file} with {@code content}. */
    void write(Path file, byte[] content) {
        Path target = target(file);
        Path folder = target.getParent();
        Path temp = folder.resolve("." + target.getFileName() + ".meridian-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly())) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
        } catch (AccessDeniedException e) {
            throw new KubeconfigException.Unwritable(
                    "cannot write kubeconfig " + file + ": permission denied in " + folder, file, e);
        } catch (IOException e) {
            throw new KubeconfigException.Unwritable("cannot write kubeconfig " + file + ": " + e, file, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary file is hidden and named as ours; a later write does not need it gone.
            }
        }
    }

    /**
     * Deletes temporary files a killed writer left beside {@code file}. Call only while holding
     * the file's lock: every writer creates its temporary files under that lock, so any that
     * exist then are orphans.
     */
    void removeOrphanedTemporaryFiles(Path file) {
        Path target = target(file);
        String prefix = "." + target.getFileName() + ".meridian-";
        try (java.util.stream.Stream<Path> siblings = Files.list(target.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.toString().endsWith(".tmp"))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException ignored) {
                            // left for the next write to try again
                        }
                    });
        } catch (IOException e) {
            // Listing the folder is a courtesy; the write itself does not depend on it.
        }
    }

    /** The file a write lands in: a symbolic link (dotfile managers use them) is followed. */
    static Path target(Path file) {
        try {
            return Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return file;
        }
    }

    private static boolean isReadOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            // As root every file is writable; honour the owner's write bit anyway, as a user asked
            // for the file to be left alone by clearing it.
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        try {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        } catch (UnsupportedOperationException e) {
            return new FileAttribute<?>[0];
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can open a folder; the rename itself is still atomic there.
        }
    }
}
