package dev.meridian.app.cli;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How list and show commands print: a table for people, JSON or YAML for scripts. */
enum OutputFormat {
    TABLE,
    JSON,
    YAML;

    String render(Object data) {
        return switch (this) {
            case JSON -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(data);
            case YAML -> Serialization.asYaml(data);
            case TABLE -> throw new IllegalStateException("tables are rendered by the command");
        };
    }

    /** Wraps items like kubectl's List so that json/yaml output of an empty list is still well-formed. */
    static Map<String, Object> list(List<?> items) {
        return Map.of("items", items);
    }

    /** Made on first use: a table-printing command never starts a mapper. */
    private static final class Json {
        // Plain data (maps, lists, strings, numbers) needs no Kubernetes modules: a bare mapper prints it
        // as fabric8's deprecated Serialization.jsonMapper() did.
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
