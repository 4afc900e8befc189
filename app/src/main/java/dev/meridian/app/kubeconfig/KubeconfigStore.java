package dev.meridian.app.kubeconfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads a kubeconfig and writes back the files an edit changed, as kubectl would: under
 * kubectl's lock, only when the file still holds what we read, atomically, with a backup of
 * the replaced version in {@code <file>.meridian.bak}.
 *
 * <p>A long-lived process (the desktop app) switches often in the same large files, so the
 * parsed tree of each file is kept with the exact bytes it came from and reused when the file
 * still holds those bytes. A tree an edit touched is trusted again only after its write
 * succeeded; any failure drops it.
 */
final class KubeconfigStore {
    static final String BACKUP_SUFFIX = ".meridian.bak";

    /**
     * @param parsed whether the tree was parsed from these bytes (not an edited tree that was saved)
     * @param stamp the file's stamp taken before its bytes were read, when it was settled then; null otherwise
     */
    private record Cached(byte[] bytes, KubeconfigDocument document, boolean parsed, FileStamp stamp) {}

    private final KubeconfigLocations locations;
    private final YamlCodec codec;
    private final KubeconfigReader reader;
    private final AtomicFileWriter writer = new AtomicFileWriter();
    private final Duration lockPatience;
    private final Map<Path, Cached> cache = new HashMap<>();

    KubeconfigStore(KubeconfigLocations locations, KubeconfigReader reader, YamlCodec codec, Duration lockPatience) {
        this.locations = locations;
        this.codec = codec;
        this.reader = reader;
        this.lockPatience = lockPatience;
    }

    KubeconfigLocations locations() {
        return locations;
    }

    YamlCodec codec() {
        return codec;
    }

    synchronized LoadedKubeconfig load() {
        List<KubeconfigDocument> documents = new ArrayList<>();
        for (Path file : locations.files()) {
            documents.add(document(file));
        }
        return new LoadedKubeconfig(locations, documents);
    }

    /**
     * The files that can be read, merged as {@link #load()} merges them, for a view that lists
     * contexts: a file that cannot be read is left out and reported to {@code problems}; files
     * that are not regular files (missing ones, folders) are left out silently.
     */
    synchronized LoadedKubeconfig loadReadable(Consumer<KubeconfigException> problems) {
        List<KubeconfigDocument> documents = new ArrayList<>();
        for (Path file : locations.files()) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                documents.add(document(file));
            } catch (KubeconfigException e) {
                problems.accept(e);
            }
        }
        return new LoadedKubeconfig(locations, documents);
    }

    /**
     * The file's document, parsed again only when its bytes differ from those last parsed; not even read
     * again while its stamp says it has not changed (every write is still checked against the bytes on
     * disk, under the lock).
     */
    private KubeconfigDocument document(Path file) {
        Cached cached = cache.get(file);
        long now = System.currentTimeMillis();
        FileStamp stamp = FileStamp.of(file); // before the read: a change after it shows as another stamp
        if (cached != null && cached.stamp() != null && cached.stamp().equals(stamp)) {
            return cached.document().reopen(cached.bytes(), cached.parsed());
        }
        FileStamp settled = stamp != null && stamp.settledAt(now) ? stamp : null;
        byte[] bytes = reader.readBytes(file, locations.isExplicit());
        if (bytes != null && cached != null && Arrays.equals(bytes, cached.bytes())) {
            cache.put(file, new Cached(bytes, cached.document(), cached.parsed(), settled));
            return cached.document().reopen(bytes, cached.parsed());
        }
        KubeconfigDocument document = reader.document(file, bytes);
        if (bytes != null) {
            cache.put(file, new Cached(bytes, document, true, settled));
        }
        return document;
    }

    /** Forgets every parsed tree: after an edit that did not reach disk. */
    synchronized void forgetParsedTrees() {
        cache.clear();
    }

    /**
     * Writes every changed document. All are rendered and checked before the first write, so a
     * bad file or a concurrent change means nothing is written.
     *
     * @return the files written
     * @throws KubeconfigException.Conflict when a file changed since it was loaded
     */
    synchronized List<Path> save(LoadedKubeconfig config) {
        List<KubeconfigDocument> changed = config.changedDocuments();
        boolean saved = false;
        try {
            List<byte[]> contents = new ArrayList<>();
            for (KubeconfigDocument document : changed) {
                writer.checkWritable(document.path());
                contents.add(render(document));
            }
            List<Path> written = writeLocked(changed, contents);
            for (int i = 0; i < changed.size(); i++) {
                KubeconfigDocument document = changed.get(i);
                if (document.isIndexed()) {
                    cache.remove(
                            document.path()); // indexing the new bytes again costs less than keeping edits beside an
                    // old index
                } else {
                    cache.put(document.path(), new Cached(contents.get(i), document, false, null));
                }
            }
            saved = true;
            return written;
        } finally {
            if (!saved) {
                cache.clear();
            }
        }
    }

    private List<Path> writeLocked(List<KubeconfigDocument> changed, List<byte[]> contents) {
        List<FileLock> locks = new ArrayList<>();
        try {
            for (KubeconfigDocument document : changed) {
                locks.add(FileLock.acquire(document.path(), lockPatience));
            }
            for (KubeconfigDocument document : changed) {
                checkUnchanged(document);
                writer.removeOrphanedTemporaryFiles(document.path());
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                KubeconfigDocument document = changed.get(i);
                if (document.exists()) {
                    writer.backup(document.path(), document.snapshot(), backupOf(document.path()));
                }
                writer.write(document.path(), contents.get(i));
                written.add(document.path());
            }
            return written;
        } finally {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).close();
            }
        }
    }

    static Path backupOf(Path file) {
        Path target = AtomicFileWriter.target(file);
        return target.resolveSibling(target.getFileName() + BACKUP_SUFFIX);
    }

    private byte[] render(KubeconfigDocument document) {
        if (document.exists()) {
            Optional<byte[]> spliced = splice(document);
            if (spliced.isPresent()) {
                return spliced.get();
            }
        }
        String text = codec.dump(document.root());
        // Safety net: what we write must parse back, or we write nothing.
        codec.parse(text, document.path());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The snapshot with only the changed lines rewritten: the current-context line and the
     * lines of Meridian's entries. Each splice checks what it wrote (see {@link EntrySplice} and
     * {@link CurrentContextSplice}); the rest of the file is the bytes that were read.
     */
    private Optional<byte[]> splice(KubeconfigDocument document) {
        if (!document.canSpliceEntries()) {
            return Optional.empty();
        }
        String text = KubeconfigReader.decode(document.snapshot());
        List<KubeconfigDocument.EntryEdit> edits = document.entryEdits();
        if (!edits.isEmpty()) {
            Optional<String> spliced =
                    EntrySplice.apply(text, edits, document.marksMatchSnapshot(), codec, document.path());
            if (spliced.isEmpty()) {
                return Optional.empty();
            }
            text = spliced.get();
        }
        String current = document.currentContext().orElse(null);
        if (current != null && !current.equals(document.loadedCurrentContext())) {
            Optional<String> switched =
                    CurrentContextSplice.apply(text, document.loadedCurrentContext(), current, codec);
            if (switched.isEmpty()) {
                return Optional.empty();
            }
            text = switched.get();
        }
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private void checkUnchanged(KubeconfigDocument document) {
        byte[] now = reader.readBytes(document.path(), false);
        boolean same = now == null ? !document.exists() : Arrays.equals(now, document.snapshot());
        if (!same) {
            throw new KubeconfigException.Conflict(
                    "kubeconfig " + document.path() + " changed while Meridian was updating it; nothing was "
                            + "written. Run the command again to apply it to the new content.",
                    document.path(),
                    null);
        }
    }
}
