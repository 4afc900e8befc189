package dev.meridian.app.kubeconfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a kubeconfig and writes back the files an edit changed, as kubectl would: under
 * kubectl's lock, only when the file still holds what we read, atomically, with a backup of
 * the replaced version in {@code <file>.meridian.bak}.
 */
final class KubeconfigStore {
  static final String BACKUP_SUFFIX = ".meridian.bak";

  private final KubeconfigLocations locations;
  private final YamlCodec codec;
  private final KubeconfigReader reader;
  private final AtomicFileWriter writer = new AtomicFileWriter();
  private final Duration lockPatience;

  KubeconfigStore(KubeconfigLocations locations, YamlCodec codec, Duration lockPatience) {
    this.locations = locations;
    this.codec = codec;
    this.reader = new KubeconfigReader(codec);
    this.lockPatience = lockPatience;
  }

  KubeconfigLocations locations() {
    return locations;
  }

  YamlCodec codec() {
    return codec;
  }

  LoadedKubeconfig load() {
    return reader.read(locations);
  }

  /**
   * Writes every changed document. All are rendered and checked before the first write, so a
   * bad file or a concurrent change means nothing is written.
   *
   * @return the files written
   * @throws KubeconfigException.Conflict when a file changed since it was loaded
   */
  List<Path> save(LoadedKubeconfig config) {
    List<KubeconfigDocument> changed = config.changedDocuments();
    List<byte[]> contents = new ArrayList<>();
    for (KubeconfigDocument document : changed) {
      writer.checkWritable(document.path());
      contents.add(render(document));
    }
    List<FileLock> locks = new ArrayList<>();
    try {
      for (KubeconfigDocument document : changed) {
        locks.add(FileLock.acquire(document.path(), lockPatience));
      }
      for (KubeconfigDocument document : changed) {
        checkUnchanged(document);
      }
      List<Path> written = new ArrayList<>();
      for (int i = 0; i < changed.size(); i++) {
        KubeconfigDocument document = changed.get(i);
        if (document.exists()) {
          writer.write(backupOf(document.path()), document.snapshot());
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
    String text = codec.dump(document.root());
    // Safety net: what we write must parse back, or we write nothing.
    codec.parse(text, document.path());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void checkUnchanged(KubeconfigDocument document) {
    byte[] now = reader.readBytes(document.path(), false);
    boolean same = now == null ? !document.exists() : Arrays.equals(now, document.snapshot());
    if (!same) {
      throw new KubeconfigException.Conflict(
          "kubeconfig " + document.path() + " changed while Meridian was updating it; nothing was "
              + "written. Run the command again to apply it to the new content.",
          document.path(), null);
    }
  }

}
