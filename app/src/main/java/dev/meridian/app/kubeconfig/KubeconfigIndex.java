package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are in a kubeconfig's text, found by one pass over its lines: the items of
 * {@code clusters}, {@code users} and {@code contexts} with their names and lines, and
 * {@code current-context}. A command reads a few entries of a file that may hold thousands; with
 * the index it parses only those (see {@link KubeconfigDocument}), not the whole file.
 *
 * <p>The scan accepts only the plain block layout kubectl writes and people keep: top-level keys at
 * column 0, each section a block list whose items start with {@code "- key:"}, names and the current
 * context as simple plain or quoted scalars, no tabs, anchors, aliases, tags, block scalars or
 * document markers. Anything else is declined, and the file is parsed whole as before: the scan may
 * say "not sure", never something wrong.
 */
final class KubeconfigIndex {
    /** One item of a section: its lines in the text (the first holds its dash) and its name. */
    record Item(String name, int firstLine, int lastLine) {}

    /** A line's {@code key:} or {@code key: value} (value null when there is none). */
    private record KeyValue(String key, String value) {}

    /** Plain scalars YAML reads as numbers (ints, floats, sexagesimals, .inf, .nan). */
    private static final Set<String> RESERVED =
            Set.of("null", "true", "false", "~", "yes", "no", "on", "off", "y", "n");

    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9][0-9_.:eE+-]*|\\.(inf|Inf|INF|nan|NaN|NAN))");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"\\\\]*)\"");
    /** Anchors, aliases and tags at the start of a token; block scalar indicators after a key or dash. */
    private static final Pattern UNSUPPORTED =
            Pattern.compile("(^|[\\s\\[{,])[&*!][^\\s]|(:|-)\\s+[|>][-+0-9]*\\s*(#.*)?$");

    private final TextLines lines;
    private final Map<Section, List<Item>> items;
    private final String currentContext;

    private KubeconfigIndex(TextLines lines, Map<Section, List<Item>> items, String currentContext) {
        this.lines = lines;
        this.items = items;
        this.currentContext = currentContext;
    }

    /** A section's items in file order; empty when the section is missing or empty. */
    List<Item> items(Section section) {
        return items.getOrDefault(section, List.of());
    }

    /** Whether the section's key is in the file with at least one item (edits can be spliced into it). */
    boolean hasItems(Section section) {
        return !items(section).isEmpty();
    }

    /** The {@code current-context} value, null when it is not set (or empty). */
    String currentContext() {
        return currentContext;
    }

    /** The text of an item with its dash at column 0: a one-item YAML list. */
    String itemText(Item item) {
        int indent = lines.indent(item.firstLine());
        StringBuilder text = new StringBuilder();
        for (int i = item.firstLine(); i <= item.lastLine(); i++) {
            String line = lines.get(i);
            text.append(line, Math.min(indent, lines.indent(i)), line.length());
        }
        return text.toString();
    }

    /** The index of {@code text}, or empty when its layout is not one this scan is sure of. */
    static Optional<KubeconfigIndex> scan(String text) {
        if (text.isEmpty() || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || !text.endsWith("\n")) {
            return Optional.empty();
        }
        TextLines lines = new TextLines(text);
        Scan scan = new Scan(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (!scan.line(i)) {
                return Optional.empty();
            }
        }
        return scan.finish().map(items -> new KubeconfigIndex(lines, items, scan.current));
    }

    /**
     * The scan's state, one line at a time. The step is a method of its own so the JVM compiles it after
     * a few hundred lines: a loop body is compiled only after tens of thousands of turns, which a
     * multi-megabyte kubeconfig does not reach, so it would be interpreted throughout.
     */
    private static final class Scan {
        private final TextLines lines;
        private final Map<Section, List<Item>> items = new EnumMap<>(Section.class);
        private final Set<String> topKeys = new HashSet<>();
        private String current;
        private Section section; // the section whose items follow, if any
        private int itemIndent = -1;
        private String itemName;
        private int itemFirst = -1;
        private int itemLast = -1;
        private int itemContentIndent = -1;

        Scan(TextLines lines) {
            this.lines = lines;
        }

        /** Reads line {@code i}; false when the file's layout is not one this scan is sure of. */
        boolean line(int i) {
            if (lines.isBlankOrComment(i)) {
                return true;
            }
            int indent = lines.indent(i);
            // Only lines holding a character that may start an anchor, alias, tag or block scalar need a closer
            // look; most files hold none.
            if (lines.holdsIndicator(i) && UNSUPPORTED.matcher(lines.content(i)).find()) {
                return false;
            }
            // Quoted and flow scalars that do not close on their line (legal over several lines, or broken)
            // are left to the parser, which reads them or says what is wrong with them.
            if (lines.holdsQuoteOrBracket(i) && !lines.quotesAndBracketsPairUp(i)) {
                return false;
            }
            if (section != null && itemFirst >= 0 && indent > itemContentIndent) {
                itemLast = i; // deeper content of the current item: nothing to read in it
                return true;
            }
            String line = lines.content(i);
            String content = line.substring(indent).stripTrailing();
            if (content.startsWith("---") || content.startsWith("...") || content.startsWith("%")) {
                return false;
            }
            if (section != null && indent == itemIndent && content.startsWith("- ")) {
                // The next item of the section.
                if (itemFirst >= 0) {
                    if (itemName == null) {
                        return false;
                    }
                    items.get(section).add(new Item(itemName, itemFirst, itemLast));
                }
                int keyStart = indent + 1;
                while (keyStart < line.length() && line.charAt(keyStart) == ' ') {
                    keyStart++;
                }
                KeyValue start = keyValue(line, keyStart);
                if (start == null) {
                    return false; // not "- key:" (a scalar item, a nested list, a flow mapping)
                }
                itemFirst = i;
                itemLast = i;
                itemContentIndent = keyStart;
                itemName = null;
                if (start.key().equals("name")) {
                    itemName = scalar(start.value());
                    if (itemName == null) {
                        return false;
                    }
                }
                return true;
            }
            if (section != null && itemFirst >= 0 && indent > itemIndent) {
                // A line of the current item.
                itemLast = i;
                if (indent == itemContentIndent) {
                    KeyValue key = keyValue(line, indent);
                    if (key != null && key.key().equals("name")) {
                        if (itemName != null) {
                            return false; // two names: let the parser say what it thinks
                        }
                        itemName = scalar(key.value());
                        if (itemName == null) {
                            return false;
                        }
                    }
                } else if (indent < itemContentIndent) {
                    return false;
                }
                return true;
            }
            // Anything else must be a top-level key; it ends the section before it.
            if (section != null && indent > 0) {
                return false; // indented under a section, but not an item this scan reads ("-" alone...)
            }
            if (section != null && itemFirst >= 0) {
                if (itemName == null) {
                    return false;
                }
                items.get(section).add(new Item(itemName, itemFirst, itemLast));
            }
            section = null;
            itemFirst = -1;
            itemIndent = -1;
            if (indent > 0) {
                // Content of a key that is not a section (preferences, extensions...): skip it.
                return true;
            }
            if (content.startsWith("- ")) {
                return false; // a list item with no section above it
            }
            KeyValue top = keyValue(line, 0);
            if (top == null || !topKeys.add(top.key())) {
                return false; // not "key:" or "key: value", or a repeated key
            }
            String key = top.key();
            String value = top.value() == null ? "" : stripComment(top.value());
            Optional<Section> named = sectionNamed(key);
            if (named.isPresent()) {
                if (!(value.isEmpty() || value.equals("[]") || value.equals("null") || value.equals("~"))) {
                    return false; // a flow list: parse it whole
                }
                section = named.get();
                items.put(section, new ArrayList<>());
                if (value.isEmpty()) {
                    // kubectl writes items at column 0; people also indent them (found on the first item).
                    itemIndent = nextItemIndent(lines, i + 1);
                } else {
                    section = null;
                }
            } else if (key.equals("current-context")) {
                if (value.isEmpty()) {
                    current = null;
                } else {
                    current = scalar(value);
                    if (current == null) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The items found, once every line is read; empty when the last item has no name. */
        Optional<Map<Section, List<Item>>> finish() {
            if (section != null && itemFirst >= 0) {
                if (itemName == null) {
                    return Optional.empty();
                }
                items.get(section).add(new Item(itemName, itemFirst, itemLast));
            }
            Map<Section, List<Item>> frozen = new EnumMap<>(Section.class);
            items.forEach((s, list) -> frozen.put(s, List.copyOf(list)));
            if (current != null && current.isEmpty()) {
                current = null;
            }
            return Optional.of(frozen);
        }
    }

    /** The indentation of the first non-blank, non-comment line from {@code from}, if it is an item. */
    private static int nextItemIndent(TextLines lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.isBlankOrComment(i)) {
                continue;
            }
            return lines.content(i).strip().startsWith("- ") ? lines.indent(i) : -1;
        }
        return -1;
    }

    private static Optional<Section> sectionNamed(String key) {
        for (Section s : Section.values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A simple scalar's value: plain, or quoted without escapes; null when it is anything else. */
    static String scalar(String raw) {
        if (raw == null) {
            return null;
        }
        String value = stripComment(raw);
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        if (first == '\'') {
            Matcher single = SINGLE_QUOTED.matcher(value);
            return single.matches() ? single.group(1).replace("''", "'") : null;
        }
        if (first == '"') {
            Matcher dbl = DOUBLE_QUOTED.matcher(value);
            return dbl.matches() ? dbl.group(1) : null;
        }
        if (!isPlain(value) || value.contains(": ") || value.endsWith(":")) {
            return null;
        }
        // Words YAML reads as something other than a string are not names this scan answers for.
        if (value.length() <= 5 && RESERVED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        boolean numberLike = (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
        if (numberLike && NUMBER.matcher(value).matches()) {
            return null;
        }
        return value;
    }

    /** The {@code key:} or {@code key: value} at {@code from}, the key a plain word; null when the text there is not that. */
    private static KeyValue keyValue(String line, int from) {
        int p = from;
        if (p >= line.length() || !Character.isLetter(line.charAt(p)) || line.charAt(p) > 'z') {
            return null;
        }
        p++;
        while (p < line.length() && isKeyCharacter(line.charAt(p))) {
            p++;
        }
        if (p >= line.length() || line.charAt(p) != ':') {
            return null;
        }
        String key = line.substring(from, p);
        p++;
        if (p == line.length()) {
            return new KeyValue(key, null);
        }
        if (line.charAt(p) != ' ') {
            return null; // "key:value" is one plain scalar, not a key
        }
        String value = line.substring(p).strip();
        return new KeyValue(key, value.isEmpty() ? null : value);
    }

    private static boolean isKeyCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Letters, digits and {@code _.@/+=~^$%()-}, then also spaces and colons: a plain scalar needing no quotes. */
    private static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean word = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "_.@/+=~^$%()-".indexOf(c) >= 0;
            if (!word && !(i > 0 && (c == ' ' || c == ':'))) {
                return false;
            }
        }
        return true;
    }

    /** A value without its trailing comment ({@code " #..."}), when it is not quoted; trimmed. */
    private static String stripComment(String value) {
        String v = value.strip();
        if (v.startsWith("'") || v.startsWith("\"")) {
            int hash = v.lastIndexOf(" #");
            char quote = v.charAt(0);
            if (hash > 0 && v.lastIndexOf(quote) < hash) {
                v = v.substring(0, hash).strip();
            }
            return v;
        }
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).strip() : v;
    }
}
