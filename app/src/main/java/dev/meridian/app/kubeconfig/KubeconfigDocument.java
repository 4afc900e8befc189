package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One kubeconfig file as read: its bytes (to detect later changes) and its node tree, which
 * edits change in place. Only the entries and keys an edit names are touched.
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

    private final Path path;
    private final byte[] snapshot;
    private final MappingNode root;
    private final String loadedCurrentContext;
    private boolean changed;
    private boolean entriesChanged;
    private boolean sectionCreated;
    private final List<EntryEdit> entryEdits = new ArrayList<>();
    private final boolean marksMatchSnapshot;

    /**
     * One entry put by an edit: it replaced the entry of that name, or was appended.
     *
     * @param replaced the entry it replaced, as parsed (with its position in the snapshot), or null
     * @param appendedAfter for an appended entry, the section's last entry as parsed, or null
     */
    record EntryEdit(Section section, String name, MappingNode entry, Node replaced, Node appendedAfter) {}

    /**
     * @param snapshot the bytes read, or null when the file did not exist
     * @param root the parsed tree; a fresh empty config for an empty or missing file
     */
    KubeconfigDocument(Path path, byte[] snapshot, MappingNode root) {
        this(path, snapshot, root, true);
    }

    private KubeconfigDocument(Path path, byte[] snapshot, MappingNode root, boolean marksMatchSnapshot) {
        this.path = path;
        this.snapshot = snapshot;
        this.root = root;
        this.loadedCurrentContext = Nodes.scalar(root, "current-context").orElse(null);
        this.marksMatchSnapshot = marksMatchSnapshot;
    }

    /**
     * The same tree for a new edit of the file, which now holds {@code bytes}. The tree is shared,
     * so only the store calls this, and only for bytes the tree was parsed from or rendered to.
     *
     * @param parsedFromBytes whether the tree was parsed from exactly these bytes and not edited
     *     since, so the positions its nodes carry are positions in them
     */
    KubeconfigDocument reopen(byte[] bytes, boolean parsedFromBytes) {
        return new KubeconfigDocument(path, bytes, root, parsedFromBytes);
    }

    /** Whether the parsed nodes' positions (marks) are positions in {@link #snapshot()}. */
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

    MappingNode root() {
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
        for (Node item : entries(section)) {
            if (item instanceof MappingNode m
                    && Nodes.scalar(m, "name").filter(name::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Names of a section's entries, in file order. */
    List<String> names(Section section) {
        List<String> names = new ArrayList<>();
        for (Node item : entries(section)) {
            if (item instanceof MappingNode m) {
                Nodes.scalar(m, "name").ifPresent(names::add);
            }
        }
        return names;
    }

    /**
     * Replaces the entry named {@code name} where it stands, or appends it. Does nothing (and
     * leaves the file unchanged) when the entry already has exactly this content.
     */
    void putEntry(Section section, String name, MappingNode body, YamlCodec codec) {
        MappingNode entry = Nodes.map();
        entry.getValue().add(new NodeTuple(Nodes.str(section.bodyKey), body));
        entry.getValue().add(new NodeTuple(Nodes.str("name"), Nodes.str(name)));
        List<Node> items = writableEntries(section);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof MappingNode m
                    && Nodes.scalar(m, "name").filter(name::equals).isPresent()) {
                if (codec.dump(m).equals(codec.dump(entry))) {
                    return;
                }
                entry.setBlockComments(m.getBlockComments());
                items.set(i, entry);
                recordEntryEdit(new EntryEdit(section, name, entry, m, null));
                return;
            }
        }
        Node last = items.isEmpty() ? null : items.get(items.size() - 1);
        items.add(entry);
        recordEntryEdit(new EntryEdit(section, name, entry, null, last));
    }

    private void recordEntryEdit(EntryEdit edit) {
        EntryEdit recorded = edit;
        for (EntryEdit earlier : entryEdits) {
            if (earlier.section() == edit.section() && earlier.name().equals(edit.name())) {
                // Put twice: the place in the snapshot is the one the first put found.
                recorded = new EntryEdit(
                        edit.section(), edit.name(), edit.entry(), earlier.replaced(), earlier.appendedAfter());
            }
        }
        entryEdits.removeIf(e -> e.section() == edit.section() && e.name().equals(edit.name()));
        entryEdits.add(recorded);
        changed = true;
        entriesChanged = true;
    }

    Optional<String> currentContext() {
        return Nodes.scalar(root, "current-context").filter(s -> !s.isEmpty());
    }

    void setCurrentContext(String name) {
        if (!currentContext().filter(name::equals).isPresent()) {
            Nodes.put(root, "current-context", Nodes.str(name));
            changed = true;
        }
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
