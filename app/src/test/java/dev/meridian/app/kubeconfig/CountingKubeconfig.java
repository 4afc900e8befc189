package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds kubeconfig engines that count, per file, how often their reader parsed it and read its
 * bytes, and how many engines were built: for tests of how often a command reads the kubeconfig.
 */
public final class CountingKubeconfig {
    private final Map<Path, Integer> parses = new ConcurrentHashMap<>();
    private final Map<Path, Integer> reads = new ConcurrentHashMap<>();
    private final AtomicInteger engines = new AtomicInteger();

    /** An engine over {@code locations}, as {@link KubeconfigService#KubeconfigService(KubeconfigLocations)} builds it. */
    public KubeconfigService open(KubeconfigLocations locations) {
        engines.incrementAndGet();
        YamlCodec codec = new YamlCodec();
        KubeconfigReader reader = new KubeconfigReader(codec) {
            @Override
            byte[] readBytes(Path file, boolean mustExist) {
                reads.merge(file, 1, Integer::sum);
                return super.readBytes(file, mustExist);
            }

            @Override
            KubeconfigDocument document(Path file, byte[] bytes) {
                if (bytes != null) {
                    parses.merge(file, 1, Integer::sum);
                }
                return super.document(file, bytes);
            }
        };
        return new KubeconfigService(
                locations,
                PreviousContextStore.inHome(locations.home()),
                reader,
                codec,
                Duration.ofSeconds(2),
                loaded -> {});
    }

    /** How often the file's content was parsed into a tree. */
    public int parses(Path file) {
        return parses.getOrDefault(file, 0);
    }

    /** How often the file's bytes were read (to parse them, or to see whether they changed). */
    public int reads(Path file) {
        return reads.getOrDefault(file, 0);
    }

    /** How many engines were built. */
    public int engines() {
        return engines.get();
    }
}
