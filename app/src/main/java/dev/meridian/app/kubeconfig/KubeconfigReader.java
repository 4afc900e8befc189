package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the files of a kubeconfig into documents, refusing anything that is not one. Not final:
 * tests count its reads and parses.
 */
class KubeconfigReader {
    private final YamlCodec codec;

    KubeconfigReader(YamlCodec codec) {
        this.codec = codec;
    }

    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Parses bytes read from {@code file}. A missing file (null) reads as an empty config, as
     * kubectl skips missing files in {@code KUBECONFIG}.
     */
    KubeconfigDocument document(Path file, byte[] bytes) {
        if (bytes == null) {
            return new KubeconfigDocument(file, null, emptyConfig());
        }
        String text = decode(bytes, file);
        // A file in a layout the index is sure of is read entry by entry, as entries are asked for.
        java.util.Optional<KubeconfigIndex> index = KubeconfigIndex.scan(text);
        if (index.isPresent()) {
            return new KubeconfigDocument(file, bytes, index.get(), codec);
        }
        Node node = codec.parse(text, file);
        return new KubeconfigDocument(file, bytes, validate(node, file));
    }

    /**
     * The file's bytes, or null when it does not exist, unless it must (an explicit
     * {@code --kubeconfig} file).
     */
    byte[] readBytes(Path file, boolean mustExist) {
        try {
            if (Files.isDirectory(file)) {
                throw new KubeconfigException.Unreadable(
                        "kubeconfig " + file + " is a directory, not a file; remove it from KUBECONFIG "
                                + "or point --kubeconfig at a file",
                        file,
                        null);
            }
            if (!Files.exists(file)) {
                if (mustExist) {
                    throw new KubeconfigException.Unreadable(
                            "kubeconfig " + file + " does not exist; check the --kubeconfig path",
                            file,
                            new NoSuchFileException(file.toString()));
                }
                return null;
            }
            long size = Files.size(file);
            if (size > codec.maxBytes()) {
                throw new KubeconfigException.Unreadable(
                        "kubeconfig " + file + " is " + size + " bytes, more than the " + codec.maxBytes()
                                + " bytes Meridian accepts; is it really a kubeconfig?",
                        file,
                        null);
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new KubeconfigException.Unreadable(
                    "kubeconfig " + file + " cannot be read (permission denied)", file, e);
        } catch (IOException e) {
            throw new KubeconfigException.Unreadable("cannot read kubeconfig " + file + ": " + e, file, e);
        }
    }

    private static String decode(byte[] bytes, Path file) {
        String text = decode(bytes);
        if (text.indexOf('\uFFFD') < 0) {
            return text; // nothing was replaced, so the bytes were UTF-8 (and this way is several times faster)
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KubeconfigException.Unreadable(
                    "kubeconfig " + file + " is not UTF-8 text; is it really a kubeconfig?", file, e);
        }
    }

    private static MappingNode validate(Node node, Path file) {
        if (node == null || Nodes.isNull(node)) {
            return emptyConfig();
        }
        if (!(node instanceof MappingNode root)) {
            throw notAKubeconfig(file, "its top level is not a mapping");
        }
        for (Section section : Section.values()) {
            Node list = Nodes.get(root, section.key).orElse(null);
            if (list == null || Nodes.isNull(list)) {
                continue;
            }
            if (!(list instanceof SequenceNode seq)) {
                throw notAKubeconfig(file, "`" + section.key + "` is not a list");
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode)) {
                    throw notAKubeconfig(file, "an entry of `" + section.key + "` is not a mapping");
                }
            }
        }
        return root;
    }

    private static KubeconfigException notAKubeconfig(Path file, String why) {
        return new KubeconfigException.Unreadable(
                "kubeconfig " + file + " is not a valid kubeconfig: " + why + "; fix the file and try again",
                file,
                null);
    }

    static MappingNode emptyConfig() {
        MappingNode root = Nodes.map();
        Nodes.put(root, "apiVersion", Nodes.str("v1"));
        Nodes.put(root, "kind", Nodes.str("Config"));
        return root;
    }
}
