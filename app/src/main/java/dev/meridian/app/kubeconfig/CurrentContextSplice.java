package dev.meridian.app.kubeconfig;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Rewrites only the {@code current-context} line of a kubeconfig's text, so a switch changes
 * one line and leaves every other byte as it was, without dumping a large file.
 * It applies only when the text has exactly one line that starts with {@code current-context:}
 * at column 0 (a key of the top-level block mapping: block scalars are indented and comments
 * start with '#') and that line, read alone, holds the value the full parse found. Otherwise
 * it declines and the caller dumps the whole tree.
 */
final class CurrentContextSplice {
    private static final String KEY = "current-context:";

    private CurrentContextSplice() {}

    static Optional<String> apply(String text, String loadedValue, String newValue, YamlCodec codec) {
        if (loadedValue == null) {
            return Optional.empty();
        }
        int lineStart = findOnlyLine(text);
        if (lineStart < 0) {
            return Optional.empty();
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        if (hasSurrogate(line)) {
            return Optional.empty(); // YAML marks count code points; keep the arithmetic simple
        }
        Optional<ScalarNode> value = valueOf(line, codec);
        if (value.isEmpty() || !value.get().getValue().equals(loadedValue)) {
            return Optional.empty();
        }
        // Keep whatever follows the value on that line: an end-of-line comment, a '\r'.
        String rest = line.substring(value.get().getEndMark().getColumn());
        String newLine = codec.dump(oneKeyMapping(newValue)).stripTrailing() + rest;
        if (!valueOf(newLine, codec)
                .map(ScalarNode::getValue)
                .filter(newValue::equals)
                .isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new StringBuilder(text.length() + newLine.length())
                .append(text, 0, lineStart)
                .append(newLine)
                .append(text, lineStart + line.length(), text.length())
                .toString());
    }

    private static boolean hasSurrogate(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isSurrogate(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int findOnlyLine(String text) {
        int found = -1;
        int from = 0;
        while (from <= text.length()) {
            int at = text.indexOf(KEY, from);
            if (at < 0) {
                break;
            }
            if (at == 0 || text.charAt(at - 1) == '\n') {
                if (found >= 0) {
                    return -1;
                }
                found = at;
            }
            from = at + KEY.length();
        }
        return found;
    }

    private static Optional<ScalarNode> valueOf(String line, YamlCodec codec) {
        Node node = codec.compose(line).orElse(null);
        if (node instanceof MappingNode map && map.getValue().size() == 1) {
            NodeTuple tuple = map.getValue().get(0);
            if (tuple.getValueNode() instanceof ScalarNode scalar
                    && !Nodes.isNull(scalar)
                    && scalar.getEndMark().getLine() == 0) {
                return Optional.of(scalar);
            }
        }
        return Optional.empty();
    }

    private static MappingNode oneKeyMapping(String value) {
        MappingNode map = Nodes.map();
        map.getValue().add(new NodeTuple(Nodes.str("current-context"), Nodes.str(value)));
        return map;
    }
}
