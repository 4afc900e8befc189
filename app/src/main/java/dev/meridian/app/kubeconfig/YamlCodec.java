package dev.meridian.app.kubeconfig;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * Reads and writes YAML as a node tree with comments, so what we do not own survives a
 * round trip: unknown fields, extensions, comments, key order, scalar and flow styles.
 * The output layout is kubectl's (two-space indent, sequence dashes at the key's column).
 * Not final: tests count its parses.
 */
class YamlCodec {
    /** Larger kubeconfigs are refused: they are not kubeconfigs a person maintains. */
    static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

    private final int maxBytes;

    YamlCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    YamlCodec(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** Parses one YAML document; null for an empty file (kubectl treats it as an empty config). */
    Node parse(String text, Path file) {
        try {
            // The composer alone: a Yaml object would also set up object construction and representation
            // (java.beans), which a node tree never uses.
            LoaderOptions options = loaderOptions();
            Node root = new Composer(
                            new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
            rejectDuplicateKeys(root, file);
            return root;
        } catch (YAMLException | IllegalStateException | IndexOutOfBoundsException e) {
            // SnakeYAML reports a few malformed inputs (and a few comment placements) with
            // unchecked exceptions other than YAMLException; all mean "cannot parse".
            throw new KubeconfigException.Unreadable(
                    "cannot parse kubeconfig " + file + ":\n" + indented(e.getMessage())
                            + "\nFix the file (for example with `kubectl config view`) and try again.",
                    file,
                    e);
        }
    }

    /** What a small text means, without its comments; empty when it is not one YAML document. */
    java.util.Optional<Node> compose(String text) {
        try {
            LoaderOptions options = loaderOptionsWithoutComments();
            return java.util.Optional.ofNullable(new Composer(
                            new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode());
        } catch (YAMLException | IllegalStateException | IndexOutOfBoundsException e) {
            return java.util.Optional.empty();
        }
    }

    /** Parses without comments, for plain checks of what a text means. */
    Object parseData(String text) {
        return new Yaml(loaderOptionsWithoutComments()).load(text);
    }

    /** The node API does not check keys; kubectl refuses duplicates, and so do we. */
    private static void rejectDuplicateKeys(Node node, Path file) {
        if (node instanceof MappingNode map) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                    throw new KubeconfigException.Unreadable(
                            "cannot parse kubeconfig " + file + ": duplicate key '"
                                    + key.getValue() + "' at line "
                                    + (key.getStartMark().getLine() + 1)
                                    + ". Remove one of them and try again.",
                            file,
                            null);
                }
                rejectDuplicateKeys(tuple.getValueNode(), file);
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(item -> rejectDuplicateKeys(item, file));
        }
    }

    String dump(Node root) {
        StringWriter out = new StringWriter();
        DumperOptions options = dumperOptions();
        Serializer serializer = new Serializer(new Emitter(out, options), new Resolver(), options, null);
        try {
            serializer.open();
            serializer.serialize(root);
            serializer.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private LoaderOptions loaderOptions() {
        LoaderOptions options = loaderOptionsWithoutComments();
        options.setProcessComments(true);
        return options;
    }

    private LoaderOptions loaderOptionsWithoutComments() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxBytes);
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        return options;
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setProcessComments(true);
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setExplicitStart(false);
        return options;
    }

    /** The parser's message as it wrote it, over several lines with a caret under the place, indented. */
    private static String indented(String message) {
        if (message == null || message.isBlank()) {
            return "  malformed YAML";
        }
        return message.replace(" in 'reader', line", " at line")
                .lines()
                .map(line -> "  " + line.stripTrailing())
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
