package dev.meridian.app.plane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a JSON document into plain Java values (maps, lists, strings, numbers, booleans, null)
 * with Jackson's streaming parser: no data binding to start, so a one-shot command pays only for
 * the parse.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {}

    /**
     * Which keys of objects to read, the rest skipped without building anything: a listing of
     * thousands of Clusters builds only the fields a command shows. An array's elements are read
     * with the array's own {@code Keep}.
     */
    static final class Keep {
        /** Every key, all the way down. */
        static final Keep ALL = new Keep(null);

        private final Map<String, Keep> keys;

        private Keep(Map<String, Keep> keys) {
            this.keys = keys;
        }

        /** Only these keys of an object, each read as its {@code Keep} says. */
        static Keep only(Map<String, Keep> keys) {
            return new Keep(Map.copyOf(keys));
        }

        /** How to read the value under {@code key}, or null to skip it. */
        Keep child(String key) {
            return keys == null ? ALL : keys.get(key);
        }
    }

    /**
     * The value of the document.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON value
     */
    static Object parse(byte[] bytes) {
        return parse(bytes, Keep.ALL);
    }

    /** The value of the document, reading only what {@code keep} keeps. */
    static Object parse(byte[] bytes, Keep keep) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("the body is empty, not JSON");
            }
            Object value = value(parser, first, keep);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The document as an object; an error when it is another kind of value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(byte[] bytes) {
        return object(bytes, Keep.ALL);
    }

    /** The document as an object, reading only what {@code keep} keeps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(byte[] bytes, Keep keep) {
        Object value = parse(bytes, keep);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the body is JSON but not an object");
        }
        return (Map<String, Object>) value;
    }

    private static Object value(JsonParser parser, JsonToken token, Keep keep) {
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    Keep child = keep.child(name);
                    JsonToken next = parser.nextToken();
                    if (child == null) {
                        parser.skipChildren(); // a scalar is skipped by moving past it
                    } else {
                        map.put(name, value(parser, next, child));
                    }
                }
                return map;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t, keep));
                }
                return list;
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }
}
