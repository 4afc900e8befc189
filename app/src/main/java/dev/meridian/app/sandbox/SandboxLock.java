package dev.meridian.app.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sandbox per folder: an OS lock on {@code sandbox.lock}, held for the sandbox's life. The operating system
 * releases it when the process dies, even by {@code kill -9}, so a stale lock never blocks a restart. The lock
 * file itself stays: deleting it would let two processes lock two different files of the same name.
 */
final class SandboxLock implements AutoCloseable {
    static final String FILE = "sandbox.lock";

    /**
     * The folders this process holds. A second channel on a locked file must not even be opened here: POSIX drops
     * all of a process's locks on a file when any of its descriptors for that file closes.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private SandboxLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or throws {@link SandboxInUse} naming the sandbox that holds it. */
    static SandboxLock acquire(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw new SandboxInUse(directory, SandboxState.read(directory));
        }
        FileLock lock;
        try {
            lock = lockFile(key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw new dev.meridian.app.core.MeridianException.InvalidInput(
                    "Cannot use " + directory + " as the sandbox's folder: " + why(e)
                            + ". Choose a folder you can write to with --dir.",
                    e);
        }
        if (lock == null) {
            HELD.remove(key);
            throw new SandboxInUse(directory, SandboxState.read(directory));
        }
        return new SandboxLock(key, lock.channel(), lock);
    }

    /** Why a folder could not be made or locked, in words (a file system error's message is often the path alone). */
    private static String why(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it cannot be created there";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The lock on the folder's lock file, or null when another process holds it. */
    private static FileLock lockFile(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel =
                FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Says who runs the sandbox, for a second one to name. */
    void publish(SandboxState state) {
        state.write(directory);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(directory.resolve(SandboxState.FILE));
        } catch (IOException ignored) {
            // a stale state file is harmless: the lock, not the file, says whether a sandbox runs
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD.remove(directory);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing else holds it
        }
    }
}
