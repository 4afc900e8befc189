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
     * The value of the document.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON value
     */
    static Object parse(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("the body is empty, not JSON");
            }
            Object value = value(parser, first);
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
        Object value = parse(bytes);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the body is JSON but not an object");
        }
        return (Map<String, Object>) value;
    }

    private static Object value(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
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

    /** The object under {@code key}, or an empty map when it is missing or not an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
