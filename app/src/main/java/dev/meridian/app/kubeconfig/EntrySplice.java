package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.EntryEdit;
import dev.meridian.app.kubeconfig.KubeconfigDocument.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
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
    private static final Pattern ITEM_LINE = Pattern.compile("( *)-[ ]+[^ \\r\\n]");

    private record LineEdit(int from, int to, List<String> lines) {}

    private EntrySplice() {}

    /**
     * The snapshot text with the edits applied, if they can be applied line by line.
     *
     * @param marksMatchText whether the nodes the edits recorded carry their positions in {@code text}
     *     (the tree was parsed from it); otherwise the text is parsed here to find them
     */
    static Optional<String> apply(
            String text, List<EntryEdit> edits, boolean marksMatchText, YamlCodec codec, Path file) {
        if (text.indexOf('\u0085') >= 0
                || text.indexOf('\u2028') >= 0
                || text.indexOf('\u2029') >= 0
                || hasLoneCarriageReturn(text)
                || !text.endsWith("\n")) {
            return Optional.empty(); // line breaks SnakeYAML counts but we do not; keep it simple
        }
        MappingNode parsed = marksMatchText ? null : (MappingNode) codec.parse(text, file);
        TextLines lines = new TextLines(text);
        List<LineEdit> lineEdits = new ArrayList<>();
        for (EntryEdit edit : edits) {
            Optional<Span> place = marksMatchText ? Optional.ofNullable(edit.place()) : placeIn(parsed, edit);
            Optional<LineEdit> lineEdit = place.flatMap(p -> lineEdit(p, lines, edit, codec, file));
            if (lineEdit.isEmpty()) {
                return Optional.empty();
            }
            lineEdits.add(lineEdit.get());
        }
        // Front to back; edits at the same line (appends to one list) keep the order they were made in.
        lineEdits.sort(Comparator.comparingInt(LineEdit::from));
        StringBuilder result = new StringBuilder(text.length() + 1024);
        int line = 0;
        for (LineEdit e : lineEdits) {
            result.append(text, lines.offset(line), lines.offset(e.from()));
            e.lines().forEach(result::append);
            line = Math.max(e.from(), e.to());
        }
        result.append(text, lines.offset(line), text.length());
        return Optional.of(result.toString());
    }

    /** Whether a {@code \r} stands anywhere but before a {@code \n}. */
    private static boolean hasLoneCarriageReturn(String text) {
        for (int at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
            if (at + 1 >= text.length() || text.charAt(at + 1) != '\n') {
                return true;
            }
        }
        return false;
    }

    private static Optional<Span> placeIn(MappingNode root, EntryEdit edit) {
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
                return Optional.of(spanOf(item, true));
            }
        }
        return Optional.of(spanOf(items.get(items.size() - 1), false));
    }

    private static Span spanOf(Node node, boolean replace) {
        return new Span(node.getStartMark().getLine(), lastLine(node), replace, !endsInBlockScalar(node));
    }

    /**
     * The lines that replace the entry, or are inserted after the last one, when the splice is sure
     * to mean exactly the edited entry: its text reads back as the entry, it starts at an item's
     * dash, and the next line that means something starts at or left of that dash (a next item, the
     * next key), so nothing around it changes meaning. Otherwise empty, and the caller writes the
     * whole tree instead.
     */
    private static Optional<LineEdit> lineEdit(
            Span place, TextLines lines, EntryEdit edit, YamlCodec codec, Path file) {
        int first = place.firstLine();
        int last = place.lastLine();
        if (!place.safeEnd() || first >= lines.size() || last >= lines.size() || last < first) {
            return Optional.empty();
        }
        Optional<String> indent = dashIndent(lines.get(first));
        if (indent.isEmpty() || !endsBefore(lines, last + 1, indent.get().length())) {
            return Optional.empty();
        }
        List<String> rendered = render(edit.entry(), indent.get(), codec, lines);
        if (!readsBackAs(rendered, indent.get().length(), edit.entry(), codec, file)) {
            return Optional.empty();
        }
        return Optional.of(
                place.replace() ? new LineEdit(first, last + 1, rendered) : new LineEdit(last + 1, last + 1, rendered));
    }

    /** Whether the first line from {@code from} that is not blank or a comment starts at or left of {@code column}. */
    private static boolean endsBefore(TextLines lines, int from, int column) {
        for (int i = from; i < lines.size(); i++) {
            String content = lines.get(i).strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                return lines.indent(i) <= column;
            }
        }
        return true;
    }

    /** A block scalar ({@code |}, {@code >}) at the end decides its own trailing lines: leave such entries alone. */
    static boolean endsInBlockScalar(Node node) {
        return lastLeaf(node) instanceof ScalarNode scalar
                && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
    }

    /** Whether the rendered lines, read alone, are a one-item list holding exactly {@code entry}. */
    private static boolean readsBackAs(
            List<String> rendered, int indent, MappingNode entry, YamlCodec codec, Path file) {
        StringBuilder text = new StringBuilder();
        for (String line : rendered) {
            text.append(line, Math.min(indent, line.length()), line.length());
        }
        Node read = codec.parse(text.toString(), file);
        return read instanceof SequenceNode seq
                && seq.getValue().size() == 1
                && Nodes.sameData(seq.getValue().get(0), entry);
    }

    /** The indentation before the {@code -} of a line that starts an item ({@code "  - key..."}), if it does. */
    private static Optional<String> dashIndent(String line) {
        java.util.regex.Matcher m = ITEM_LINE.matcher(line);
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The node a node's text ends with: its last value, all the way down (itself when it has none). */
    private static Node lastLeaf(Node node) {
        Node last = node;
        while (true) {
            if (last instanceof MappingNode m && !m.getValue().isEmpty()) {
                last = m.getValue().get(m.getValue().size() - 1).getValueNode();
            } else if (last instanceof SequenceNode s && !s.getValue().isEmpty()) {
                last = s.getValue().get(s.getValue().size() - 1);
            } else {
                return last;
            }
        }
    }

    /** The last line holding part of a node (a block scalar ends at the start of the next line). */
    static int lastLine(Node node) {
        Node last = lastLeaf(node);
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
}
