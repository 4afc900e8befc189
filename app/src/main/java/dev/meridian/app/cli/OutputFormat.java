package dev.meridian.app.cli;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/** How list and show commands print: a table for people, JSON or YAML for scripts. */
enum OutputFormat {
    TABLE,
    JSON,
    YAML;

    String render(Object data) {
        return switch (this) {
            case JSON ->
                Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(data);
            case YAML -> Serialization.asYaml(data);
            case TABLE -> throw new IllegalStateException("tables are rendered by the command");
        };
    }

    /** Wraps items like kubectl's List so that json/yaml output of an empty list is still well-formed. */
    static Map<String, Object> list(List<?> items) {
        return Map.of("items", items);
    }
}
