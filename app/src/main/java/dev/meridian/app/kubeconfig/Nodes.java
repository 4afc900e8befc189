package dev.meridian.app.kubeconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small helpers over SnakeYAML's node tree. */
final class Nodes {
    private Nodes() {}

    static Optional<Node> get(MappingNode map, String key) {
        return tuple(map, key).map(NodeTuple::getValueNode);
    }

    static Optional<NodeTuple> tuple(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static Optional<String> scalar(MappingNode map, String key) {
        return get(map, key).filter(n -> n instanceof ScalarNode && !isNull(n)).map(n -> ((ScalarNode) n).getValue());
    }

    static Optional<MappingNode> mapping(MappingNode map, String key) {
        return get(map, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** Sets {@code key} to {@code value}, keeping the key's place and comments when it exists. */
    static void put(MappingNode map, String key, Node value) {
        List<NodeTuple> tuples = map.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                carryInlineComments(t.getValueNode(), value);
                tuples.set(i, new NodeTuple(t.getKeyNode(), value));
                return;
            }
        }
        tuples.add(new NodeTuple(str(key), value));
    }

    static void remove(MappingNode map, String key) {
        map.getValue()
                .removeIf(t ->
                        t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key));
    }

    static ScalarNode str(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    static ScalarNode bool(boolean value) {
        return new ScalarNode(Tag.BOOL, Boolean.toString(value), null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    static MappingNode map() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }

    static SequenceNode seq() {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }

    /** Builds nodes from plain Java data (maps, lists, strings, numbers, booleans, null). */
    static Node fromData(Object data) {
        if (data instanceof Map<?, ?> m) {
            MappingNode node = map();
            m.forEach((k, v) -> node.getValue().add(new NodeTuple(str(String.valueOf(k)), fromData(v))));
            return node;
        }
        if (data instanceof List<?> l) {
            SequenceNode node = seq();
            l.forEach(v -> node.getValue().add(fromData(v)));
            return node;
        }
        if (data == null) {
            return new ScalarNode(Tag.NULL, "null", null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        if (data instanceof Boolean b) {
            return bool(b);
        }
        if (data instanceof Integer || data instanceof Long || data instanceof java.math.BigInteger) {
            return new ScalarNode(Tag.INT, data.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        if (data instanceof Number) {
            return new ScalarNode(Tag.FLOAT, data.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        return str(data.toString());
    }

    /**
     * Whether two trees hold the same data whatever the order of their keys: what a kubeconfig entry
     * means (kubectl writes {@code name} first, Meridian last; neither order means more).
     */
    static boolean sameDataAnyKeyOrder(Node a, Node b) {
        return same(a, b, false);
    }

    /** Whether two trees hold the same data (tags, values, keys in order), whatever their layout. */
    static boolean sameData(Node a, Node b) {
        return same(a, b, true);
    }

    private static boolean same(Node a, Node b, boolean keyOrder) {
        if (a instanceof ScalarNode x && b instanceof ScalarNode y) {
            return x.getTag().equals(y.getTag()) && x.getValue().equals(y.getValue());
        }
        if (a instanceof SequenceNode x && b instanceof SequenceNode y) {
            if (x.getValue().size() != y.getValue().size()) {
                return false;
            }
            for (int i = 0; i < x.getValue().size(); i++) {
                if (!same(x.getValue().get(i), y.getValue().get(i), keyOrder)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MappingNode x && b instanceof MappingNode y) {
            if (x.getValue().size() != y.getValue().size()) {
                return false;
            }
            for (int i = 0; i < x.getValue().size(); i++) {
                NodeTuple p = x.getValue().get(i);
                Optional<NodeTuple> q = keyOrder
                        ? Optional.of(y.getValue().get(i))
                        : p.getKeyNode() instanceof ScalarNode key ? tuple(y, key.getValue()) : Optional.empty();
                if (q.isEmpty()
                        || !same(p.getKeyNode(), q.get().getKeyNode(), keyOrder)
                        || !same(p.getValueNode(), q.get().getValueNode(), keyOrder)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Moves an end-of-line comment from the replaced value to its replacement. */
    private static void carryInlineComments(Node from, Node to) {
        if (from.getInLineComments() != null && to.getInLineComments() == null && to instanceof ScalarNode) {
            to.setInLineComments(from.getInLineComments());
        }
        if (from.getBlockComments() != null && to.getBlockComments() == null) {
            to.setBlockComments(from.getBlockComments());
        }
    }
}
