package dev.meridian.app.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The light client's JSON reading: plain values, only the keys asked for, clear refusals. */
class JsonTest {
    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsPlainValues() {
        Object value = Json.parse(bytes("{\"a\":[1,2.5,true,null,\"\\u00e9\"],\"b\":{},\"n\":12345678901}"));

        Map<String, Object> expected = new HashMap<>();
        expected.put("a", Arrays.asList(1, 2.5, true, null, "é"));
        expected.put("b", Map.of());
        expected.put("n", 12345678901L);
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void readsOnlyTheKeysItIsToldToKeep() {
        Json.Keep keep = Json.Keep.only(Map.of(
                "items",
                Json.Keep.only(Map.of("metadata", Json.Keep.only(Map.of("name", Json.Keep.ALL)))),
                "kind",
                Json.Keep.ALL));

        Map<String, Object> list = Json.object(
                bytes("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[{\"metadata\":{\"name\":\"a\","
                        + "\"managedFields\":[{\"f\":{\"x\":[1,{\"y\":2}]}}]},\"spec\":{\"big\":\"...\"}},"
                        + "{\"metadata\":{\"name\":\"b\"}}]}"),
                keep);

        assertThat(list)
                .isEqualTo(Map.of(
                        "kind",
                        "List",
                        "items",
                        List.of(Map.of("metadata", Map.of("name", "a")), Map.of("metadata", Map.of("name", "b")))));
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertThatThrownBy(() -> Json.object(bytes("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Json.object(bytes("[1]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an object");
        assertThatThrownBy(() -> Json.object(bytes("{\"a\":1} {}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one");
        assertThatThrownBy(() -> Json.object(bytes("<html>503</html>")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }
}
