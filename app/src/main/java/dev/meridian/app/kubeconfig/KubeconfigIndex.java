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

    private static final Pattern TOP_KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):(?: +(.*?))?");
    private static final Pattern ITEM_START = Pattern.compile("( *)- +([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?");
    private static final Pattern KEY_LINE = Pattern.compile("( *)([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.@/+=~^$%()-][A-Za-z0-9_.@/+=~^$%() :-]*");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"\\\\]*)\"");
    /** Anchors, aliases and tags at the start of a token; block scalar indicators after a key or dash. */
    private static final Pattern UNSUPPORTED =
            Pattern.compile("(^|[\\s\\[{,])[&*!][^\\s]|(:|-)\\s+[|>][-+0-9]*\\s*(#.*)?$");

    private final List<String> lines;
    private final Map<Section, List<Item>> items;
    private final Set<Section> present;
    private final String currentContext;
    private final int currentContextLine;

    private KubeconfigIndex(
            List<String> lines,
            Map<Section, List<Item>> items,
            Set<Section> present,
            String currentContext,
            int currentContextLine) {
        this.lines = lines;
        this.items = items;
        this.present = present;
        this.currentContext = currentContext;
        this.currentContextLine = currentContextLine;
    }

    /** The lines of the text, each with its line break. */
    List<String> lines() {
        return lines;
    }

    /** A section's items in file order; empty when the section is missing or empty. */
    List<Item> items(Section section) {
        return items.getOrDefault(section, List.of());
    }

    /** Whether the section's key is in the file with at least one item (edits can be spliced into it). */
    boolean hasItems(Section section) {
        return present.contains(section) && !items(section).isEmpty();
    }

    /** The {@code current-context} value, null when it is not set (or empty). */
    String currentContext() {
        return currentContext;
    }

    /** The line of {@code current-context}, or -1. */
    int currentContextLine() {
        return currentContextLine;
    }

    /** The text of an item with its dash at column 0: a one-item YAML list. */
    String itemText(Item item) {
        int indent = indentOf(lines.get(item.firstLine()));
        StringBuilder text = new StringBuilder();
        for (int i = item.firstLine(); i <= item.lastLine(); i++) {
            String line = lines.get(i);
            text.append(line, Math.min(indent, leadingSpaces(line)), line.length());
        }
        return text.toString();
    }

    /** The index of {@code text}, or empty when its layout is not one this scan is sure of. */
    static Optional<KubeconfigIndex> scan(String text) {
        if (text.isEmpty() || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || !text.endsWith("\n")) {
            return Optional.empty();
        }
        List<String> lines = EntrySplice.splitLines(text);
        Map<Section, List<Item>> items = new EnumMap<>(Section.class);
        Set<Section> present = new HashSet<>();
        Set<String> topKeys = new HashSet<>();
        String current = null;
        int currentLine = -1;
        Section section = null; // the section whose items follow, if any
        int itemIndent = -1;
        String itemName = null;
        int itemFirst = -1;
        int itemLast = -1;
        int itemContentIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).substring(0, lines.get(i).length() - 1); // without its \n
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (content.startsWith("---")
                    || content.startsWith("...")
                    || content.startsWith("%")
                    || UNSUPPORTED.matcher(line).find()) {
                return Optional.empty();
            }
            int indent = leadingSpaces(line);
            if (section != null && indent == itemIndent && content.startsWith("- ")) {
                // The next item of the section.
                if (itemFirst >= 0) {
                    if (itemName == null) {
                        return Optional.empty();
                    }
                    items.get(section).add(new Item(itemName, itemFirst, itemLast));
                }
                Matcher start = ITEM_START.matcher(line);
                if (!start.matches()) {
                    return Optional.empty(); // not "- key:" (a scalar item, a nested list, a flow mapping)
                }
                itemFirst = i;
                itemLast = i;
                itemContentIndent = start.group(1).length() + (content.indexOf(start.group(2)));
                itemName = null;
                if (start.group(2).equals("name")) {
                    itemName = scalar(start.group(3));
                    if (itemName == null) {
                        return Optional.empty();
                    }
                }
                continue;
            }
            if (section != null && itemFirst >= 0 && indent > itemIndent) {
                // A line of the current item.
                itemLast = i;
                if (indent == itemContentIndent) {
                    Matcher key = KEY_LINE.matcher(line);
                    if (key.matches() && key.group(2).equals("name")) {
                        if (itemName != null) {
                            return Optional.empty(); // two names: let the parser say what it thinks
                        }
                        itemName = scalar(key.group(3));
                        if (itemName == null) {
                            return Optional.empty();
                        }
                    }
                } else if (indent < itemContentIndent) {
                    return Optional.empty();
                }
                continue;
            }
            // Anything else must be a top-level key; it ends the section before it.
            if (section != null && indent > 0) {
                return Optional.empty(); // indented under a section, but not an item this scan reads ("-" alone...)
            }
            if (section != null && itemFirst >= 0) {
                if (itemName == null) {
                    return Optional.empty();
                }
                items.get(section).add(new Item(itemName, itemFirst, itemLast));
            }
            section = null;
            itemFirst = -1;
            itemIndent = -1;
            if (indent > 0) {
                // Content of a key that is not a section (preferences, extensions...): skip it.
                continue;
            }
            if (content.startsWith("- ")) {
                return Optional.empty(); // a list item with no section above it
            }
            Matcher top = TOP_KEY.matcher(line);
            if (!top.matches() || !topKeys.add(top.group(1))) {
                return Optional.empty(); // not "key:" or "key: value", or a repeated key
            }
            String key = top.group(1);
            String value = top.group(2) == null ? "" : stripComment(top.group(2));
            Optional<Section> named = sectionNamed(key);
            if (named.isPresent()) {
                if (!(value.isEmpty() || value.equals("[]") || value.equals("null") || value.equals("~"))) {
                    return Optional.empty(); // a flow list: parse it whole
                }
                section = named.get();
                items.put(section, new ArrayList<>());
                if (value.isEmpty()) {
                    present.add(section);
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
                        return Optional.empty();
                    }
                }
                currentLine = i;
            }
        }
        if (section != null && itemFirst >= 0) {
            if (itemName == null) {
                return Optional.empty();
            }
            items.get(section).add(new Item(itemName, itemFirst, itemLast));
        }
        Map<Section, List<Item>> frozen = new EnumMap<>(Section.class);
        items.forEach((s, list) -> frozen.put(s, List.copyOf(list)));
        return Optional.of(new KubeconfigIndex(
                List.copyOf(lines),
                frozen,
                Set.copyOf(present),
                current == null || current.isEmpty() ? null : current,
                currentLine));
    }

    /** The indentation of the first non-blank, non-comment line from {@code from}, if it is an item. */
    private static int nextItemIndent(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String content = lines.get(i).strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            return content.startsWith("- ") ? leadingSpaces(lines.get(i)) : -1;
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
        Matcher single = SINGLE_QUOTED.matcher(value);
        if (single.matches()) {
            return single.group(1).replace("''", "'");
        }
        Matcher dbl = DOUBLE_QUOTED.matcher(value);
        if (dbl.matches()) {
            return dbl.group(1);
        }
        if (!PLAIN.matcher(value).matches() || value.contains(": ") || value.endsWith(":")) {
            return null;
        }
        // Words YAML reads as something other than a string are not names this scan answers for.
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("null")
                || lower.equals("true")
                || lower.equals("false")
                || lower.equals("~")
                || lower.equals("yes")
                || lower.equals("no")
                || lower.equals("on")
                || lower.equals("off")
                || value.matches("[-+]?[0-9][0-9_.:eE+-]*")
                || value.matches("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)")) {
            return null;
        }
        return value;
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

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static int indentOf(String line) {
        return leadingSpaces(line);
    }
}
