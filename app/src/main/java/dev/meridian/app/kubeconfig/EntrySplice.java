package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.EntryEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Writes Meridian's entries into a kubeconfig's text by replacing only the lines of the
 * entries it owns, and appending new ones after the last entry of their list, so every other
 * byte stays as the user (or another tool) wrote it: layout, quoting, comments.
 * It declines (the caller then dumps the whole tree) whenever the text does not have the
 * simple shape this needs: block lists, each entry starting on its own {@code - } line.
 */
final class EntrySplice {
    private static final Pattern ITEM_PREFIX = Pattern.compile("[ ]*-[ ]+");

    private record LineEdit(int from, int to, List<String> lines) {}

    private EntrySplice() {}

    /** The snapshot text with the edits applied, if they can be applied line by line. */
    static Optional<String> apply(String text, List<EntryEdit> edits, YamlCodec codec, Path file) {
        if (text.chars().anyMatch(c -> c == '\u0085' || c == '\u2028' || c == '\u2029')
                || text.replace("\r\n", "").indexOf('\r') >= 0
                || !text.endsWith("\n")) {
            return Optional.empty(); // line breaks SnakeYAML counts but we do not; keep it simple
        }
        MappingNode root = (MappingNode) codec.parse(text, file);
        List<String> lines = splitLines(text);
        List<LineEdit> lineEdits = new ArrayList<>();
        for (EntryEdit edit : edits) {
            Optional<LineEdit> lineEdit = lineEdit(root, lines, edit, codec);
            if (lineEdit.isEmpty()) {
                return Optional.empty();
            }
            lineEdits.add(lineEdit.get());
        }
        // Apply bottom-up, so earlier line numbers stay valid; appends to one list keep their order.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lineEdits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> lineEdits.get(i).from())
                .thenComparing(i -> i)
                .reversed());
        List<String> result = new ArrayList<>(lines);
        for (int i : order) {
            LineEdit e = lineEdits.get(i);
            result.subList(e.from(), e.to()).clear();
            result.addAll(e.from(), e.lines());
        }
        return Optional.of(String.join("", result));
    }

    private static Optional<LineEdit> lineEdit(MappingNode root, List<String> lines, EntryEdit edit, YamlCodec codec) {
        Optional<Node> list = Nodes.get(root, edit.section().key);
        if (list.isEmpty()
                || !(list.get() instanceof SequenceNode seq)
                || seq.getValue().isEmpty()) {
            return Optional.empty();
        }
        List<Node> items = seq.getValue();
        for (Node item : items) {
            if (item instanceof MappingNode m
                    && Nodes.scalar(m, "name").filter(edit.name()::equals).isPresent()) {
                int first = item.getStartMark().getLine();
                int last = lastLine(item);
                Optional<String> indent =
                        dashIndent(lines.get(first), item.getStartMark().getColumn());
                return indent.map(in -> new LineEdit(first, last + 1, render(edit.entry(), in, codec, lines)));
            }
        }
        Node lastItem = items.get(items.size() - 1);
        int after = lastLine(lastItem) + 1;
        Optional<String> indent = dashIndent(
                lines.get(lastItem.getStartMark().getLine()),
                lastItem.getStartMark().getColumn());
        if (after > lines.size()) {
            return Optional.empty();
        }
        return indent.map(in -> new LineEdit(after, after, render(edit.entry(), in, codec, lines)));
    }

    /** The indentation before the {@code -} of an item that starts its line, if it does. */
    private static Optional<String> dashIndent(String line, int column) {
        if (column > line.length()
                || !ITEM_PREFIX.matcher(line.substring(0, column)).matches()) {
            return Optional.empty();
        }
        return Optional.of(line.substring(0, line.indexOf('-')));
    }

    /** The last line holding part of a node (a block scalar ends at the start of the next line). */
    private static int lastLine(Node node) {
        Node last = node;
        while (true) {
            if (last instanceof MappingNode m && !m.getValue().isEmpty()) {
                NodeTuple tuple = m.getValue().get(m.getValue().size() - 1);
                last = tuple.getValueNode();
            } else if (last instanceof SequenceNode s && !s.getValue().isEmpty()) {
                last = s.getValue().get(s.getValue().size() - 1);
            } else {
                break;
            }
        }
        if (last instanceof ScalarNode || last instanceof MappingNode || last instanceof SequenceNode) {
            int line = last.getEndMark().getLine();
            return last.getEndMark().getColumn() == 0
                            && line > last.getStartMark().getLine()
                    ? line - 1
                    : line;
        }
        return node.getEndMark().getLine();
    }

    private static List<String> render(MappingNode entry, String indent, YamlCodec codec, List<String> lines) {
        SequenceNode one = Nodes.seq();
        one.getValue().add(withoutComments(entry));
        String eol = lines.isEmpty() || !lines.get(0).endsWith("\r\n") ? "\n" : "\r\n";
        List<String> rendered = new ArrayList<>();
        for (String line : codec.dump(one).split("\n")) {
            rendered.add(indent + line + eol);
        }
        return rendered;
    }

    private static MappingNode withoutComments(MappingNode entry) {
        MappingNode copy = Nodes.map();
        copy.getValue().addAll(entry.getValue());
        return copy;
    }

    /** Lines with their line breaks, so that joining them gives back the text. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
