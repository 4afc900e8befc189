package dev.meridian.app.sandbox.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of field paths, as server-side apply records who owns what, in the API server's FieldsV1
 * encoding: each path element is {@code f:<field>}, {@code k:<key as JSON>} for an item of a
 * keyed list, {@code v:<value as JSON>} for a set's value or {@code i:<index>}; {@code "."}
 * marks a path that is itself in the set and also has members below it.
 */
final class FieldSet {
    /** Field names sort first, then keys, values and indexes, as structured-merge-diff orders them. */
    private static final Comparator<String> ELEMENT_ORDER =
            Comparator.comparingInt((String e) -> "fkvi".indexOf(e.charAt(0))).thenComparing(e -> e);

    private boolean member;
    private final Map<String, FieldSet> children = new TreeMap<>(ELEMENT_ORDER);

    static FieldSet of(List<List<String>> paths) {
        FieldSet set = new FieldSet();
        paths.forEach(set::add);
        return set;
    }

    void add(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.computeIfAbsent(element, e -> new FieldSet());
        }
        node.member = true;
    }

    boolean contains(List<String> path) {
        FieldSet node = child(path);
        return node != null && node.member;
    }

    private FieldSet child(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.get(element);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    boolean isMember() {
        return member;
    }

    Map<String, FieldSet> children() {
        return children;
    }

    boolean isEmpty() {
        return paths().isEmpty();
    }

    /** Every path in the set, parents before their children. */
    List<List<String>> paths() {
        List<List<String>> out = new ArrayList<>();
        collect(new ArrayList<>(), out);
        return out;
    }

    private void collect(List<String> prefix, List<List<String>> out) {
        if (member && !prefix.isEmpty()) {
            out.add(List.copyOf(prefix));
        }
        children.forEach((element, child) -> {
            prefix.add(element);
            child.collect(prefix, out);
            prefix.remove(prefix.size() - 1);
        });
    }

    FieldSet union(FieldSet other) {
        FieldSet out = FieldSet.of(paths());
        other.paths().forEach(out::add);
        return out;
    }

    FieldSet minus(FieldSet other) {
        return FieldSet.of(paths().stream().filter(p -> !other.contains(p)).toList());
    }

    FieldSet intersect(FieldSet other) {
        return FieldSet.of(paths().stream().filter(other::contains).toList());
    }

    /** The FieldsV1 JSON tree, as {@code metadata.managedFields[].fieldsV1} holds it. */
    Map<String, Object> toFieldsV1() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (member && !children.isEmpty()) {
            out.put(".", new LinkedHashMap<>());
        }
        children.forEach((element, child) -> out.put(element, child.toFieldsV1()));
        return out;
    }

    static FieldSet fromFieldsV1(Map<String, Object> fieldsV1) {
        FieldSet set = new FieldSet();
        if (fieldsV1 != null) {
            set.read(fieldsV1);
        }
        return set;
    }

    private void read(Map<String, Object> tree) {
        tree.forEach((element, value) -> {
            if (element.equals(".")) {
                member = true;
                return;
            }
            FieldSet child = children.computeIfAbsent(element, e -> new FieldSet());
            Map<String, Object> below = Json.asMap(value);
            if (below == null || below.isEmpty()) {
                child.member = true;
            } else {
                child.read(below);
            }
        });
    }

    /** A path as the API server prints it in conflicts: {@code .spec.containers[name="app"].image}. */
    static String describe(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String element : path) {
            String body = element.substring(2);
            switch (element.charAt(0)) {
                case 'f' -> out.append('.').append(body);
                case 'v' -> out.append("[=").append(body).append(']');
                case 'i' -> out.append('[').append(body).append(']');
                default -> out.append('[').append(describeKey(body)).append(']');
            }
        }
        return out.toString();
    }

    /** {@code {"containerPort":8080,"protocol":"TCP"}} as {@code containerPort=8080,protocol="TCP"}. */
    private static String describeKey(String json) {
        Map<String, Object> key =
                Json.asMap(io.fabric8.kubernetes.client.utils.Serialization.unmarshal(json, Map.class));
        List<String> parts = new ArrayList<>();
        key.forEach((name, value) -> parts.add(name + "=" + Json.write(value)));
        return String.join(",", parts);
    }
}
