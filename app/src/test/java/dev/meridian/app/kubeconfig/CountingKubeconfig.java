package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Builds kubeconfig engines that count, per file, how often their reader parsed it and read its
 * bytes, and how many engines were built: for tests of how often a command reads the kubeconfig.
 */
public final class CountingKubeconfig {
    private final Map<Path, Integer> parses = new ConcurrentHashMap<>();
    private final Map<Path, Integer> wholeParses = new ConcurrentHashMap<>();
    private final Map<Path, Integer> reads = new ConcurrentHashMap<>();
    private final AtomicInteger engines = new AtomicInteger();

    /** An engine over {@code locations}, as {@link KubeconfigService#KubeconfigService(KubeconfigLocations)} builds it. */
    public KubeconfigService open(KubeconfigLocations locations) {
        engines.incrementAndGet();
        YamlCodec codec = new YamlCodec() {
            @Override
            Node parse(String text, Path file) {
                // Any parse of the file's whole text: reading it, or re-reading what a write made of it.
                if (text.length() > 0 && wholeText(file, text)) {
                    wholeParses.merge(file, 1, Integer::sum);
                }
                return super.parse(text, file);
            }
        };
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

    /**
     * How often the YAML parser read a whole file's text (the file as read, or a whole text
     * written to it): what a command must do once per file, however many readers it has.
     */
    public int wholeParses(Path file) {
        return wholeParses.getOrDefault(file, 0);
    }

    private static boolean wholeText(Path file, String text) {
        try {
            long size = java.nio.file.Files.size(file);
            // The text as read, or a spliced text about as long: anything over half the file is "whole".
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 2 > size;
        } catch (java.io.IOException e) {
            return false;
        }
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
