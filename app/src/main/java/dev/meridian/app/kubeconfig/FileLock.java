package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * kubectl's lock: the file {@code <kubeconfig>.lock}, created exclusively while the kubeconfig
 * is written and deleted afterwards. kubectl fails at once when it exists; we wait briefly,
 * because another kubectl holds it only for a few milliseconds.
 */
final class FileLock implements AutoCloseable {
    private final Path lockFile;

    private FileLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    static Path lockFileOf(Path kubeconfig) {
        return kubeconfig.resolveSibling(kubeconfig.getFileName() + ".lock");
    }

    static FileLock acquire(Path kubeconfig, Duration patience) {
        Path lockFile = lockFileOf(kubeconfig);
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 1;
        while (true) {
            try {
                Files.createFile(lockFile);
                return new FileLock(lockFile);
            } catch (FileAlreadyExistsException e) {
                if (System.nanoTime() > deadline) {
                    throw new KubeconfigException.Locked(
                            "kubeconfig " + kubeconfig + " is locked by another writer (" + lockFile
                                    + " exists). If no kubectl or Meridian is running, delete that file and retry.",
                            kubeconfig,
                            e);
                }
                pause(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 50);
            } catch (IOException e) {
                throw new KubeconfigException.Unwritable(
                        "cannot create lock file " + lockFile + ": " + e, kubeconfig, e);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeconfigException.Locked("interrupted while waiting for a kubeconfig lock", null, e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw new KubeconfigException.Unwritable("cannot remove lock file " + lockFile, lockFile, e);
        }
    }
}
