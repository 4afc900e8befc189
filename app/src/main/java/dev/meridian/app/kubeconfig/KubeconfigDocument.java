package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One kubeconfig file as read: its bytes (to detect later changes) and what it holds. Only the
 * entries and keys an edit names are touched.
 *
 * <p>A file whose layout {@link KubeconfigIndex} is sure of is read by its index: an entry is
 * parsed when someone asks for it, and edits are kept beside the index; the whole tree is
 * parsed only if a write cannot be spliced into the text. Any other file is parsed whole into a
 * node tree, which edits change in place.
 */
final class KubeconfigDocument {
    /** The three named lists of a kubeconfig, with the key of each entry's body. */
    enum Section {
        CLUSTERS("clusters", "cluster"),
        USERS("users", "user"),
        CONTEXTS("contexts", "context");

        final String key;
        final String bodyKey;

        Section(String key, String bodyKey) {
            this.key = key;
            this.bodyKey = bodyKey;
        }
    }

    /**
     * Lines of the snapshot an edit goes to: the entry it replaces, or the entry it is appended
     * after (the last of its section).
     *
     * @param safeEnd whether the entry ends cleanly on its last line (no block scalar deciding its own end)
     */
    record Span(int firstLine, int lastLine, boolean replace, boolean safeEnd) {}

    /**
     * One entry put by an edit: it replaced the entry of that name, or was appended.
     *
     * @param place where it goes in the snapshot, or null when that is not known (then the text is parsed to find it)
     */
    record EntryEdit(Section section, String name, MappingNode entry, Span place) {}

    /** The parsed entries of an indexed file, shared by every reopening of the same bytes. */
    private record Indexed(KubeconfigIndex index, Map<Integer, MappingNode> parsed, YamlCodec codec) {}

    private final Path path;
    private final byte[] snapshot;
    private MappingNode root;
    private Indexed indexed;
    private final String loadedCurrentContext;
    private final boolean marksMatchSnapshot;
    private boolean changed;
    private boolean entriesChanged;
    private boolean sectionCreated;
    private final List<EntryEdit> entryEdits = new ArrayList<>();
    /** Indexed mode: entries put, by section and name, in the order they were put. */
    private final Map<Section, Map<String, MappingNode>> put = new LinkedHashMap<>();
    /** Indexed mode: whether current-context was set, and to what. */
    private boolean currentSet;

    private String current;

    /**
     * A file parsed whole.
     *
     * @param snapshot the bytes read, or null when the file did not exist
     * @param root the parsed tree; a fresh empty config for an empty or missing file
     */
    KubeconfigDocument(Path path, byte[] snapshot, MappingNode root) {
        this(path, snapshot, root, null, true);
    }

    /** A file read by its index. */
    KubeconfigDocument(Path path, byte[] snapshot, KubeconfigIndex index, YamlCodec codec) {
        this(path, snapshot, null, new Indexed(index, new ConcurrentHashMap<>(), codec), true);
    }

    private KubeconfigDocument(
            Path path, byte[] snapshot, MappingNode root, Indexed indexed, boolean marksMatchSnapshot) {
        this.path = path;
        this.snapshot = snapshot;
        this.root = root;
        this.indexed = indexed;
        this.loadedCurrentContext = indexed != null
                ? indexed.index().currentContext()
                : Nodes.scalar(root, "current-context").orElse(null);
        this.marksMatchSnapshot = marksMatchSnapshot;
    }

    /**
     * The same content for a new edit of the file, which now holds {@code bytes}. A tree is
     * shared, so only the store calls this, and only for bytes the tree was parsed from or
     * rendered to; an indexed file is reopened only for the bytes it was indexed from.
     *
     * @param parsedFromBytes whether the tree was parsed from exactly these bytes and not edited
     *     since, so the positions its nodes carry are positions in them
     */
    KubeconfigDocument reopen(byte[] bytes, boolean parsedFromBytes) {
        return new KubeconfigDocument(path, bytes, root, indexed, parsedFromBytes);
    }

    /** Whether this file is read by its index (then a changed document is not worth keeping: index it again). */
    boolean isIndexed() {
        return indexed != null;
    }

    /** Whether the recorded places and the parsed nodes' positions are positions in {@link #snapshot()}. */
    boolean marksMatchSnapshot() {
        return marksMatchSnapshot && snapshot != null;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return snapshot != null;
    }

    byte[] snapshot() {
        return snapshot;
    }

    /** The whole tree with every edit made: an indexed file is parsed whole now, and its edits applied to the tree. */
    MappingNode root() {
        if (indexed != null) {
            materialize();
        }
        return root;
    }

    boolean isChanged() {
        return changed;
    }

    /** True when the only edit is a new {@code current-context} value: a one-line change. */
    boolean changedOnlyCurrentContext() {
        return changed && !entriesChanged;
    }

    /** The entries edits put, in order; empty after a structural change (a new section). */
    List<EntryEdit> entryEdits() {
        return sectionCreated ? List.of() : List.copyOf(entryEdits);
    }

    /** Whether the entry edits alone describe every change but {@code current-context}. */
    boolean canSpliceEntries() {
        return !sectionCreated;
    }

    /** The {@code current-context} value as read, or null. */
    String loadedCurrentContext() {
        return loadedCurrentContext;
    }

    /** The body of the entry named {@code name} in a section, if this file has it. */
    Optional<MappingNode> body(Section section, String name) {
        return entry(section, name).flatMap(e -> Nodes.mapping(e, section.bodyKey));
    }

    Optional<MappingNode> entry(Section section, String name) {
        if (indexed != null) {
            MappingNode edited = put.getOrDefault(section, Map.of()).get(name);
            if (edited != null) {
                return Optional.of(edited);
            }
            return item(section, name).map(this::parsed);
        }
        List<Node> items = entries(section);
        int at = indexOf(items, name);
        return at < 0 ? Optional.empty() : Optional.of((MappingNode) items.get(at));
    }

    /** Names of a section's entries, in file order. */
    List<String> names(Section section) {
        List<String> names = new ArrayList<>();
        if (indexed != null) {
            indexed.index().items(section).forEach(item -> names.add(item.name()));
            put.getOrDefault(section, Map.of()).keySet().forEach(name -> {
                if (!names.contains(name)) {
                    names.add(name);
                }
            });
            return names;
        }
        for (Node item : entries(section)) {
            if (item instanceof MappingNode m) {
                Nodes.scalar(m, "name").ifPresent(names::add);
            }
        }
        return names;
    }

    /**
     * Replaces the entry named {@code name} where it stands, or appends it. Does nothing (and
     * leaves the file unchanged) when the entry already holds this data, in whatever key order and
     * layout (kubectl rewrites a file in its own order whenever it writes it).
     */
    void putEntry(Section section, String name, MappingNode body) {
        MappingNode entry = Nodes.map();
        entry.getValue().add(new NodeTuple(Nodes.str(section.bodyKey), body));
        entry.getValue().add(new NodeTuple(Nodes.str("name"), Nodes.str(name)));
        if (indexed != null) {
            putIndexed(section, name, entry);
            return;
        }
        List<Node> items = writableEntries(section);
        int at = indexOf(items, name);
        if (at >= 0) {
            MappingNode m = (MappingNode) items.get(at);
            if (Nodes.sameDataAnyKeyOrder(m, entry)) {
                return;
            }
            entry.setBlockComments(m.getBlockComments());
            items.set(at, entry);
            recordEntryEdit(new EntryEdit(section, name, entry, span(m, true)));
            return;
        }
        Node last = items.isEmpty() ? null : items.get(items.size() - 1);
        items.add(entry);
        recordEntryEdit(new EntryEdit(section, name, entry, last == null ? null : span(last, false)));
    }

    private void putIndexed(Section section, String name, MappingNode entry) {
        Optional<MappingNode> existing = entry(section, name);
        if (existing.isPresent() && Nodes.sameDataAnyKeyOrder(existing.get(), entry)) {
            return;
        }
        KubeconfigIndex index = indexed.index();
        Span place = null;
        Optional<KubeconfigIndex.Item> item = item(section, name);
        if (item.isPresent()) {
            entry.setBlockComments(parsed(item.get()).getBlockComments());
            place = new Span(item.get().firstLine(), item.get().lastLine(), true, true);
        } else if (index.hasItems(section)) {
            List<KubeconfigIndex.Item> items = index.items(section);
            KubeconfigIndex.Item last = items.get(items.size() - 1);
            place = new Span(last.firstLine(), last.lastLine(), false, true);
        } else {
            sectionCreated = true; // a new or empty section: the file is written whole
        }
        put.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, entry);
        recordEntryEdit(new EntryEdit(section, name, entry, place));
    }

    /** Where a parsed node stands in the snapshot, when it carries its position. */
    private static Span span(Node node, boolean replace) {
        if (node.getStartMark() == null) {
            return null;
        }
        return new Span(
                node.getStartMark().getLine(),
                EntrySplice.lastLine(node),
                replace,
                !EntrySplice.endsInBlockScalar(node));
    }

    private void recordEntryEdit(EntryEdit edit) {
        EntryEdit recorded = edit;
        for (EntryEdit earlier : entryEdits) {
            if (earlier.section() == edit.section() && earlier.name().equals(edit.name())) {
                // Put twice: the place in the snapshot is the one the first put found.
                recorded = new EntryEdit(edit.section(), edit.name(), edit.entry(), earlier.place());
            }
        }
        entryEdits.removeIf(e -> e.section() == edit.section() && e.name().equals(edit.name()));
        entryEdits.add(recorded);
        changed = true;
        entriesChanged = true;
    }

    Optional<String> currentContext() {
        if (indexed != null) {
            String value = currentSet ? current : indexed.index().currentContext();
            return Optional.ofNullable(value).filter(s -> !s.isEmpty());
        }
        return Nodes.scalar(root, "current-context").filter(s -> !s.isEmpty());
    }

    void setCurrentContext(String name) {
        if (currentContext().filter(name::equals).isPresent()) {
            return;
        }
        if (indexed != null) {
            currentSet = true;
            current = name;
        } else {
            Nodes.put(root, "current-context", Nodes.str(name));
        }
        changed = true;
    }

    private Optional<KubeconfigIndex.Item> item(Section section, String name) {
        for (KubeconfigIndex.Item item : indexed.index().items(section)) {
            if (item.name().equals(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** An indexed item parsed (once per reading of the bytes): the mapping of its one-item list. */
    private MappingNode parsed(KubeconfigIndex.Item item) {
        // Keyed by the item's first line, which is its own: a record key would cost a cold CLI the bootstrap of
        // the record's generated hashCode on its critical path.
        return indexed.parsed().computeIfAbsent(item.firstLine(), line -> {
            Node read;
            try {
                read = indexed.codec().parse(indexed.index().itemText(item), path);
            } catch (KubeconfigException e) {
                // Say what the whole file's parse says, with its real line numbers.
                indexed.codec().parse(KubeconfigReader.decode(snapshot), path);
                throw e;
            }
            if (!(read instanceof SequenceNode seq)
                    || seq.getValue().size() != 1
                    || !(seq.getValue().get(0) instanceof MappingNode mapping)) {
                throw new KubeconfigException.Unreadable(
                        "kubeconfig " + path + " is not a valid kubeconfig: an entry of `" + sectionOf(item)
                                + "` is not a mapping; fix the file and try again",
                        path,
                        null);
            }
            return mapping;
        });
    }

    private String sectionOf(KubeconfigIndex.Item item) {
        for (Section section : Section.values()) {
            if (indexed.index().items(section).contains(item)) {
                return section.key;
            }
        }
        return "?";
    }

    /** Parses the whole snapshot and applies this document's edits to the tree: it is a tree document from now on. */
    private void materialize() {
        YamlCodec codec = indexed.codec();
        Node parsed = codec.parse(KubeconfigReader.decode(snapshot), path);
        root = parsed instanceof MappingNode m ? m : KubeconfigReader.emptyConfig();
        indexed = null;
        for (Map.Entry<Section, Map<String, MappingNode>> section : put.entrySet()) {
            List<Node> items = writableEntries(section.getKey());
            for (Map.Entry<String, MappingNode> entry : section.getValue().entrySet()) {
                int at = indexOf(items, entry.getKey());
                if (at >= 0) {
                    items.set(at, entry.getValue());
                } else {
                    items.add(entry.getValue());
                }
            }
        }
        if (currentSet) {
            Nodes.put(root, "current-context", Nodes.str(current));
        }
    }

    /** Where the entry named {@code name} stands among a section's items (the first of that name), or -1. */
    private static int indexOf(List<Node> items, String name) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof MappingNode m
                    && Nodes.scalar(m, "name").filter(name::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private List<Node> entries(Section section) {
        return Nodes.get(root, section.key)
                .filter(SequenceNode.class::isInstance)
                .map(n -> ((SequenceNode) n).getValue())
                .orElse(List.of());
    }

    private List<Node> writableEntries(Section section) {
        Optional<Node> existing = Nodes.get(root, section.key);
        if (existing.isPresent() && existing.get() instanceof SequenceNode s) {
            if (s.getValue().isEmpty()) {
                s.setFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
                sectionCreated = true;
            }
            return s.getValue();
        }
        if (existing.isPresent() && !Nodes.isNull(existing.get())) {
            throw new KubeconfigException.Unreadable(
                    "kubeconfig " + path + ": `" + section.key + "` is not a list; fix the file and try again",
                    path,
                    null);
        }
        SequenceNode created = Nodes.seq();
        Nodes.put(root, section.key, created);
        entriesChanged = true;
        sectionCreated = true;
        return created.getValue();
    }
}
