package dev.meridian.agent.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of review requests and answers, read and written with Jackson's tree model. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** The text as a JSON object; fails (IllegalArgumentException) on anything else. */
    static ObjectNode parseObject(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The field as an object, or null when it is absent or null; fails on another kind of value. */
    static ObjectNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + " is not an object");
        }
        return (ObjectNode) node;
    }

    /** The field as text (a number or boolean as written), or {@code otherwise} when absent or null. */
    static String string(JsonNode parent, String field, String otherwise) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** The field as a boolean, or {@code otherwise} when absent or null; fails on another kind of value. */
    static boolean bool(JsonNode parent, String field, boolean otherwise) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(field + " is not a boolean");
        }
        return node.booleanValue();
    }

    /** Each element of an array as text; a single value as a list of one. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(v -> out.add(v.isValueNode() ? v.asString() : v.toString()));
        } else {
            out.add(node.isValueNode() ? node.asString() : node.toString());
        }
        return out;
    }
}
